using Countdown.Preprocess.Parquet.Encoding;

namespace Countdown.Preprocess.Tests.Parquet.Encoding;

public sealed class RleRunEncoderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Encode_RunsOfEveryLength_OneRunPerStretchAsParquetNetWrites(int byteWidth)
    {
        var random = new Random(byteWidth);
        var values = new List<int>();
        for (int length = 1; length <= 40; length++)
        {
            values.AddRange(Enumerable.Repeat(random.Next(0, 1 << Math.Min(8 * byteWidth, 30)), length));
            values.AddRange(Enumerable.Repeat(values[^1] + 1, 41 - length));
        }

        values.AddRange(Enumerable.Repeat(7, 5000));
        using var buffer = new ByteBuffer(16);

        RleRunEncoder.Encode(buffer, values.ToArray(), byteWidth);

        Assert.Equal(Reference(values, byteWidth), buffer.Written.ToArray());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 3)]
    [InlineData(8, 4)]
    [InlineData(255, 8)]
    [InlineData(256, 9)]
    public void BitWidth_Value_BitLength(int value, int expected) => Assert.Equal(expected, RleRunEncoder.BitWidth(value));

    /// <summary>Parquet.Net 6.1's RLE-only writer, restated naively: a ULEB128 header of count &lt;&lt; 1, then the value's low bytes (the fourth repeats the first).</summary>
    private static byte[] Reference(List<int> values, int byteWidth)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < values.Count;)
        {
            int end = i;
            while (end < values.Count && values[end] == values[i])
            {
                end++;
            }

            for (uint header = (uint)(end - i) << 1; ; header >>= 7)
            {
                bytes.Add((byte)(header > 0x7F ? (header & 0x7F) | 0x80 : header));
                if (header <= 0x7F)
                {
                    break;
                }
            }

            int[] shifts = [0, 8, 16, 0];
            for (int b = 0; b < byteWidth; b++)
            {
                bytes.Add((byte)(values[i] >> shifts[b]));
            }

            i = end;
        }

        return [.. bytes];
    }
}
