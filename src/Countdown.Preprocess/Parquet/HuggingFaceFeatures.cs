namespace Countdown.Preprocess.Parquet;

/// <summary>The <c>huggingface</c> key-value metadata that <c>datasets</c> writes: the features of each column, in its JSON style.</summary>
/// <remarks>
/// <c>datasets</c> dumps with Python's <c>json.dumps</c> defaults (<c>", "</c> and <c>": "</c> separators), a
/// <c>Value</c> as <c>{"dtype": ..., "_type": "Value"}</c>, a list of scalars as a <c>Sequence</c>, a list of dicts as a
/// one-element JSON list and a dict as a plain object.
/// </remarks>
internal static class HuggingFaceFeatures
{
    /// <summary>The metadata key.</summary>
    public const string Key = "huggingface";

    private static readonly string Int64 = Value("int64");
    private static readonly string Text = Value("string");
    private static readonly string Int64Sequence = $"{{\"feature\": {Int64}, \"_type\": \"Sequence\"}}";

    /// <summary>Builds the metadata JSON for the veRL columns, with or without <c>extra_info.solution</c>.</summary>
    public static string Json(bool includeSolution)
    {
        var extraInfo = includeSolution
            ? Dict(("index", Int64), ("solution", Text), ("split", Text))
            : Dict(("index", Int64), ("split", Text));
        var features = Dict(
            ("target", Int64),
            ("nums", Int64Sequence),
            ("data_source", Text),
            ("prompt", $"[{Dict(("content", Text), ("role", Text))}]"),
            ("ability", Text),
            ("reward_model", Dict(("ground_truth", Dict(("numbers", Int64Sequence), ("target", Int64))), ("style", Text))),
            ("extra_info", extraInfo));
        return $"{{\"info\": {{\"features\": {features}}}}}";
    }

    private static string Value(string dtype) => $"{{\"dtype\": \"{dtype}\", \"_type\": \"Value\"}}";

    private static string Dict(params (string Name, string Feature)[] fields)
        => "{" + string.Join(", ", fields.Select(f => $"\"{f.Name}\": {f.Feature}")) + "}";
}
