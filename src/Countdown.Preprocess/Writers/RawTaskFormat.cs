namespace Countdown.Preprocess.Writers;

/// <summary>The file formats <see cref="RawTaskWriter"/> writes raw tasks in.</summary>
public enum RawTaskFormat
{
    /// <summary>Parquet in the Hugging Face layout: <c>target</c> int64, <c>nums</c> list&lt;int64&gt;, Snappy.</summary>
    Parquet,

    /// <summary>JSON lines: <c>{"target":28,"nums":[95,11,56]}</c> per line.</summary>
    Jsonl,

    /// <summary>One JSON array, spaced as Python's <c>json.dump</c> writes it: <c>[{"target": 28, "nums": [95, 11, 56]}]</c>.</summary>
    Json,

    /// <summary>CSV with a header, <c>nums</c> written as pandas writes a list: <c>28,"[95, 11, 56]"</c>.</summary>
    Csv,
}
