namespace Countdown.Preprocess.Parquet;

/// <summary>How <see cref="VerlParquetWriter"/> lays out the veRL Parquet file.</summary>
public sealed record VerlParquetOptions
{
    /// <summary>Gets the compression codec; defaults to <see cref="ParquetCodec.Snappy"/>, as pyarrow writes.</summary>
    public ParquetCodec Compression { get; init; } = ParquetCodec.Snappy;

    /// <summary>Gets the number of rows per row group (at least 1); defaults to 10,000.</summary>
    /// <remarks>Row groups are built and encoded in memory, one per core (at most four) besides the one being gathered, so memory grows with this size.</remarks>
    public int RowGroupSize { get; init; } = 10_000;

    /// <summary>Gets whether to add the <c>extra_info.solution</c> string column.</summary>
    public bool IncludeSolution { get; init; }

    /// <summary>Gets the default options: Snappy, 10,000-row groups, no solution column.</summary>
    public static VerlParquetOptions Default { get; } = new();
}
