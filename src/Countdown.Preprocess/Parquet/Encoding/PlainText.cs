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

    /// <summary>Appends each value as a 4-byte little-endian length and its UTF-8 bytes, and finds the char-ordinal min and max on the way.</summary>
    /// <remarks>
    /// One pass: each value is compared while it is in cache from being transcoded, so the prompts, far bigger than
    /// the caches, are read from memory once. Returns the indexes of the min and max, or -1 without values.
    /// </remarks>
    public static (int Min, int Max) Write(ByteBuffer destination, ReadOnlySpan<ReadOnlyMemory<char>> values)
    {
        // Room is reserved value by value, not for the whole page's worst case (3 bytes a char): an ASCII prompt page
        // then needs a buffer of its own size, about a third of the bound, which every encoder keeps.
        int min = -1, max = -1;
        ReadOnlySpan<char> minText = default, maxText = default;
        for (int i = 0; i < values.Length; i++)
        {
            var text = values[i].Span;
            var span = destination.Reserve(checked((int)MaxLength(1, text.Length)));
            int length = Utf8.GetBytes(text, span[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(span, length);
            destination.Advance(4 + length);
            if (i == 0 || text.SequenceCompareTo(minText) < 0)
            {
                min = i;
                minText = text;
            }

            if (i == 0 || text.SequenceCompareTo(maxText) > 0)
            {
                max = i;
                maxText = text;
            }
        }

        return (min, max);
    }

    /// <summary>Appends the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static void WriteUtf8(ByteBuffer destination, ReadOnlySpan<char> text)
        => destination.Advance(Utf8.GetBytes(text, destination.Reserve(3 * text.Length)));
}
