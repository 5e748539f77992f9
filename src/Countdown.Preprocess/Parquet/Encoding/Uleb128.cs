namespace Countdown.Preprocess.Parquet.Encoding;

/// <summary>Unsigned LEB128 varints (seven bits a byte, low first): Thrift's compact integers, Parquet's RLE run headers and Snappy's length prefix.</summary>
internal static class Uleb128
{
    /// <summary>The most bytes a 64-bit value takes.</summary>
    public const int MaxLength = 10;

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Write(Span<byte> destination, ulong value)
    {
        int length = 0;
        while (value >= 0x80)
        {
            destination[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[length++] = (byte)value;
        return length;
    }

    /// <summary>Gets the bytes <see cref="Write"/> takes for <paramref name="value"/>.</summary>
    public static int Length(ulong value)
    {
        int length = 1;
        for (; value >= 0x80; value >>= 7) length++;
        return length;
    }
}
