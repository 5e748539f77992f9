using Countdown.Preprocess.Readers.ParquetPages;

namespace Countdown.Preprocess.Tests.Readers.ParquetPages;

public sealed class RleBitPackedDecoderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(1000)]
    public void Read_MixedRunsInPiecesOfAnySize_ReturnsTheEncodedSequence(int piece)
    {
        // 3 bits a value: a bit-packed run of 2 groups (0..15 mod 8), an RLE run of 5 sixes, another group of 8.
        var expected = Enumerable.Range(0, 16).Select(i => i % 8).Concat(Enumerable.Repeat(6, 5)).Concat([7, 6, 5, 4, 3, 2, 1, 0]).ToArray();
        var bytes = new List<byte> { (2 << 1) | 1 };
        bytes.AddRange(Pack(expected[..16], 3));
        bytes.AddRange([5 << 1, 6]);
        bytes.Add((1 << 1) | 1);
        bytes.AddRange(Pack(expected[21..], 3));
        var decoder = new RleBitPackedDecoder();
        decoder.Reset([0xAA, .. bytes, 0xAA], 1, bytes.Count + 1, 3);

        var actual = new int[expected.Length];
        for (int start = 0; start < actual.Length; start += piece)
            decoder.Read(actual.AsSpan(start, Math.Min(piece, actual.Length - start)));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Read_WideValues_DecodesAll32Bits()
    {
        var expected = new[] { int.MaxValue, 0, 1, 123456789, 65536, 7, int.MaxValue - 1, 42 };
        var decoder = new RleBitPackedDecoder();
        byte[] bytes = [(1 << 1) | 1, .. Pack(expected, 31)];
        decoder.Reset(bytes, 0, bytes.Length, 31);

        var actual = new int[8];
        decoder.Read(actual);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(new byte[] { 4 << 1, 1 }, 5)] // an RLE run of 4 asked for 5
    [InlineData(new byte[] { (2 << 1) | 1, 0xFF }, 1)] // 2 groups of 1-bit values promised, 1 byte present... then 9th value asked
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, 1)] // a run header that never ends
    public void Read_PastTheEnd_ThrowsParquetPageException(byte[] bytes, int extra)
    {
        var decoder = new RleBitPackedDecoder();
        decoder.Reset(bytes, 0, bytes.Length, 1);

        Assert.Throws<ParquetPageException>(() => decoder.Read(new int[bytes[0] == ((2 << 1) | 1) ? 8 + extra : 4 + extra]));
    }

    [Fact]
    public void Reset_BitWidthOver32_Throws()
    {
        Assert.Throws<ParquetPageException>(() => new RleBitPackedDecoder().Reset([1, 2], 0, 2, 33));
    }

    /// <summary>Packs values LSB first, as Parquet's bit-packed runs do.</summary>
    internal static byte[] Pack(int[] values, int width)
    {
        var bytes = new byte[(values.Length * width + 7) / 8];
        for (int i = 0; i < values.Length; i++)
            for (int bit = 0; bit < width; bit++)
                if (((values[i] >> bit) & 1) != 0)
                    bytes[(i * width + bit) / 8] |= (byte)(1 << ((i * width + bit) % 8));
        return bytes;
    }
}
