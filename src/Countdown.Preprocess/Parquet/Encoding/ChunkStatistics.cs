using Parquet.Meta;

namespace Countdown.Preprocess.Parquet.Encoding;

/// <summary>A column chunk's statistics as Parquet.Net computes them: the null count, and PLAIN min/max bytes unless there are no values.</summary>
/// <param name="NullCount">Levels minus values: every null, empty or missing slot.</param>
/// <param name="HasMinMax">Whether min and max are present: always for int64 (zero when there are no values), only with values for strings.</param>
/// <param name="Min">The minimum: 8 little-endian bytes, or a string's UTF-8 bytes.</param>
/// <param name="Max">The maximum, encoded like <paramref name="Min"/>.</param>
internal readonly ref struct ChunkStatistics(long NullCount, bool HasMinMax, ReadOnlySpan<byte> Min, ReadOnlySpan<byte> Max)
{
    /// <summary>Gets the number of levels without a value.</summary>
    public long NullCount { get; } = NullCount;

    /// <summary>Gets whether min and max are written.</summary>
    public bool HasMinMax { get; } = HasMinMax;

    /// <summary>Gets the minimum's bytes.</summary>
    public ReadOnlySpan<byte> Min { get; } = Min;

    /// <summary>Gets the maximum's bytes.</summary>
    public ReadOnlySpan<byte> Max { get; } = Max;

    /// <summary>Builds the Thrift statistics for the chunk's metadata, as Parquet.Net fills them (min/max also as min_value/max_value).</summary>
    public Statistics ToThrift()
    {
        byte[]? min = HasMinMax ? Min.ToArray() : null;
        byte[]? max = HasMinMax ? Max.ToArray() : null;
        return new() { NullCount = NullCount, Min = min, MinValue = min, Max = max, MaxValue = max };
    }
}
