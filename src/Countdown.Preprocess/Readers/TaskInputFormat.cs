namespace Countdown.Preprocess.Readers;

/// <summary>The formats a raw task input can be read from.</summary>
public enum TaskInputFormat
{
    /// <summary>Tell the format from the file extension, or from the content for standard input.</summary>
    Auto,

    /// <summary>Apache Parquet with an integer <c>target</c> column and an integer-list <c>nums</c> column.</summary>
    Parquet,

    /// <summary>JSON Lines: one <c>{"nums": [...], "target": N}</c> object per line.</summary>
    Jsonl,

    /// <summary>A JSON array of task objects, or JSON Lines saved under a <c>.json</c> name.</summary>
    Json,

    /// <summary>CSV (or TSV) with a header naming <c>target</c> and <c>nums</c>.</summary>
    Csv,
}
