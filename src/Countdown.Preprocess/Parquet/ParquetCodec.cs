namespace Countdown.Preprocess.Parquet;

/// <summary>The compression codec of every column chunk in the output file.</summary>
public enum ParquetCodec
{
    /// <summary>Snappy, pyarrow's and <c>datasets</c>' default: fast, moderate ratio.</summary>
    Snappy,

    /// <summary>Zstandard at a fast level: smaller files, still quick to write.</summary>
    Zstd,

    /// <summary>Gzip at a fast level: smaller than Snappy, slowest to write.</summary>
    Gzip,

    /// <summary>No compression.</summary>
    None,
}
