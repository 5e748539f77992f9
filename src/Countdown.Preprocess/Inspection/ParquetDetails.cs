namespace Countdown.Preprocess.Inspection;

/// <summary>The Parquet footer facts <c>inspect</c> prints: row groups, compression, writer and key-value metadata.</summary>
/// <param name="RowGroupRowCounts">The row count of each row group, in file order.</param>
/// <param name="Codecs">The distinct compression codecs of the column chunks (<c>SNAPPY</c>, <c>ZSTD</c> …), in first-use order.</param>
/// <param name="CreatedBy">The writer named in the footer, when it names one.</param>
/// <param name="Metadata">The file's key-value metadata in stored order (<c>huggingface</c>, <c>ARROW:schema</c> …).</param>
public sealed record ParquetDetails(
    IReadOnlyList<long> RowGroupRowCounts,
    IReadOnlyList<string> Codecs,
    string? CreatedBy,
    IReadOnlyList<KeyValuePair<string, string?>> Metadata);
