using System.Buffers.Binary;

namespace Countdown.Preprocess.Parquet.Encoding;

/// <summary>PLAIN byte-array encoding of strings and their char-ordinal min/max, as Parquet.Net 6.1 computes them.</summary>
/// <remarks>
/// Each value is transcoded once, straight into the page after its 4-byte length. <see cref="System.Text.Encoding.UTF8"/>
/// is the encoder Parquet.Net uses, so an unpaired surrogate becomes U+FFFD the same way.
/// </remarks>
internal static class PlainText
{
    private static readonly System.Text.Encoding Utf8 = System.Text.Encoding.UTF8;

    /// <summary>Gets the most bytes <paramref name="count"/> values of <paramref name="chars"/> UTF-16 units in all can take.</summary>
    public static long MaxLength(int count, long chars) => (4L * count) + (3L * chars);

    /// <summary>Appends each value as a 4-byte little-endian length and its UTF-8 bytes.</summary>
    public static void Write(ByteBuffer destination, ReadOnlySpan<ReadOnlyMemory<char>> values)
    {
        long chars = 0;
        foreach (var value in values)
        {
            chars += value.Length;
        }

        var span = destination.Reserve(checked((int)MaxLength(values.Length, chars)));
        int position = 0;
        foreach (var value in values)
        {
            int length = Utf8.GetBytes(value.Span, span[(position + 4)..]);
            BinaryPrimitives.WriteInt32LittleEndian(span[position..], length);
            position += 4 + length;
        }

        destination.Advance(position);
    }

    /// <summary>Appends the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static void WriteUtf8(ByteBuffer destination, ReadOnlySpan<char> text)
        => destination.Advance(Utf8.GetBytes(text, destination.Reserve(3 * text.Length)));

    /// <summary>Finds the smallest and largest value by UTF-16 code unit order (span <c>SequenceCompareTo</c>).</summary>
    public static (ReadOnlyMemory<char> Min, ReadOnlyMemory<char> Max) MinMax(ReadOnlySpan<ReadOnlyMemory<char>> values)
    {
        var min = values[0];
        var max = min;
        for (int i = 1; i < values.Length; i++)
        {
            var value = values[i].Span;
            if (value.SequenceCompareTo(min.Span) < 0)
            {
                min = values[i];
            }
            else if (value.SequenceCompareTo(max.Span) > 0)
            {
                max = values[i];
            }
        }

        return (min, max);
    }
}
