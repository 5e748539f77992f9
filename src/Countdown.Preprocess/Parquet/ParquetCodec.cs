namespace Countdown.Preprocess.Parquet;

/// <summary>The compression codec of every column chunk in the output file.</summary>
public enum ParquetCodec
{
    /// <summary>Snappy, pyarrow's and <c>datasets</c>' default: fast, moderate ratio.</summary>
    Snappy,

    /// <summary>Zstandard at its fastest level: the smallest files, about as quick to write as Snappy.</summary>
    Zstd,

    /// <summary>Gzip at zlib level 6, as pyarrow writes it: smaller than Snappy, the slowest to write.</summary>
    Gzip,

    /// <summary>No compression.</summary>
    None,
}
