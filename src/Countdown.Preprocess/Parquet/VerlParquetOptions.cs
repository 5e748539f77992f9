namespace Countdown.Preprocess.Parquet;

/// <summary>How <see cref="VerlParquetWriter"/> lays out the veRL Parquet file.</summary>
public sealed record VerlParquetOptions
{
    /// <summary>Gets the compression codec; defaults to <see cref="ParquetCodec.Snappy"/>, as pyarrow writes.</summary>
    public ParquetCodec Compression { get; init; } = ParquetCodec.Snappy;

    /// <summary>Gets the number of rows per row group (at least 1); defaults to 10,000.</summary>
    /// <remarks>Each row group is built in memory and flushed before the next starts, so memory grows with this size.</remarks>
    public int RowGroupSize { get; init; } = 10_000;

    /// <summary>Gets whether to add the <c>extra_info.solution</c> string column.</summary>
    public bool IncludeSolution { get; init; }

    /// <summary>Gets the default options: Snappy, 10,000-row groups, no solution column.</summary>
    public static VerlParquetOptions Default { get; } = new();
}
