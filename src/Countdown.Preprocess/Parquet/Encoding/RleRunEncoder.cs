namespace Countdown.Preprocess.Parquet.Encoding;

/// <summary>The RLE/bit-packed hybrid encoding as Parquet.Net 6.1 writes it: RLE runs only, one per stretch of equal values.</summary>
/// <remarks>
/// Parquet.Net never bit-packs: each maximal stretch of equal values (capped at 2^30 - 1) becomes one run, a ULEB128
/// header of count &lt;&lt; 1 then the value in round-up-to-bytes of the bit width, little-endian. Its 4-byte variant
/// writes the last byte as <c>value &gt;&gt; 32</c> on an int, which C# masks to a shift of 0; that is mirrored so the
/// bytes stay the same (it needs a bit width over 24, a dictionary of 16M strings).
/// Runs are found with a vectorised search for the first different value, so a column of equal levels costs almost nothing.
/// </remarks>
internal static class RleRunEncoder
{
    private const int MaxRunLength = int.MaxValue >> 1;

    private const int ShortRun = 16;

    /// <summary>Gets the bit width Parquet.Net uses for values up to <paramref name="value"/>: its bit length (0 for 0).</summary>
    public static int BitWidth(int value) => 32 - int.LeadingZeroCount(value);

    /// <summary>Gets the most bytes <see cref="Encode"/> can write for <paramref name="count"/> values of <paramref name="byteWidth"/> bytes.</summary>
    public static long MaxLength(int count, int byteWidth) => (long)count * (5 + byteWidth);

    /// <summary>Appends levels as a 4-byte length then the runs, as definition and repetition levels are stored in a v1 data page.</summary>
    public static void EncodeWithLength(ByteBuffer destination, ReadOnlySpan<int> values, int maxValue)
    {
        int start = destination.Length;
        destination.WriteInt32(0);
        Encode(destination, values, (BitWidth(maxValue) + 7) / 8);
        destination.PatchInt32(start, destination.Length - start - 4);
    }

    /// <summary>Appends the runs of <paramref name="values"/>, each value in <paramref name="byteWidth"/> bytes.</summary>
    public static void Encode(ByteBuffer destination, ReadOnlySpan<int> values, int byteWidth)
    {
        if (byteWidth > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(byteWidth), byteWidth, "A run value takes at most 4 bytes.");
        }

        var span = destination.Reserve(checked((int)MaxLength(values.Length, byteWidth)));
        int written = 0, i = 0;
        while (i < values.Length)
        {
            int value = values[i], end = i + 1;

            // List levels alternate in runs of a few values: scan those directly, and search long runs vectorised.
            while (end < values.Length && end - i < ShortRun && values[end] == value)
            {
                end++;
            }

            if (end - i == ShortRun && end < values.Length)
            {
                int more = values[end..].IndexOfAnyExcept(value);
                end = more < 0 ? values.Length : end + more;
            }

            for (int run = end - i; run > 0; run -= MaxRunLength)
            {
                written += WriteRun(span[written..], Math.Min(run, MaxRunLength), value, byteWidth);
            }

            i = end;
        }

        destination.Advance(written);
    }

    private static int WriteRun(Span<byte> span, int count, int value, int byteWidth)
    {
        int n = Uleb128.Write(span, (uint)count << 1);
        for (int b = 0; b < byteWidth; b++)
        {
            // Byte 3 repeats byte 0: see the remarks.
            span[n++] = (byte)(b == 3 ? value : value >> (8 * b));
        }

        return n;
    }
}
