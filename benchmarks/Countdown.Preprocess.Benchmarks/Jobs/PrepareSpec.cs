namespace Countdown.Preprocess.Benchmarks.Jobs;

/// <summary>One <c>prepare</c> job, as both contenders run it: TinyZero's split of the first rows in file order.</summary>
/// <param name="Input">The raw tasks Parquet file.</param>
/// <param name="TrainSize">Rows in <c>train.parquet</c>: the first ones of the file.</param>
/// <param name="TestSize">Rows in <c>test.parquet</c>: the ones right after train.</param>
/// <param name="Compression">snappy, zstd, gzip or none; null runs the CLI without <c>--compression</c> (its default, snappy).</param>
/// <param name="Template">The prompt template name.</param>
internal sealed record PrepareSpec(string Input, long TrainSize = PrepareSpec.DefaultTrainSize, long TestSize = PrepareSpec.DefaultTestSize,
    string? Compression = null, string Template = PrepareSpec.DefaultTemplate)
{
    public const long DefaultTrainSize = 327_680;
    public const long DefaultTestSize = 1_024;
    public const string DefaultTemplate = "base";
    public const string DefaultCompression = "snappy";

    public static IReadOnlyList<string> Codecs { get; } = ["snappy", "zstd", "gzip", "none"];

    public string Codec => Compression ?? DefaultCompression;

    /// <summary>The two output files: name, first input row (0-based, file order), row count.</summary>
    public IReadOnlyList<(string Split, long First, long Count)> Splits => [("train", 0, TrainSize), ("test", TrainSize, TestSize)];
}
