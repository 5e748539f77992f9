using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Parquet.Encoding;

namespace Countdown.Preprocess.Tests.Parquet.Encoding;

public sealed class PageCompressorTests
{
    private const int Block = PageCompressor.SnappyBlock;

    public static TheoryData<ParquetCodec, int, int> Splits()
    {
        var data = new TheoryData<ParquetCodec, int, int>();
        (int Head, int Tail)[] splits =
        [
            (0, 1), (1, 0), (3, 10), (7, Block - 7), (7, Block - 6), (Block, Block), (Block - 1, 2),
            (2_000, 5 * Block + 123), (Block + 5, 3 * Block), (10, 6_600_000),
        ];
        foreach (var codec in Enum.GetValues<ParquetCodec>())
            foreach (var (head, tail) in splits)
                data.Add(codec, head, tail);
        return data;
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Compress_HeadAndTail_SameBytesAsTheJoinedPage(ParquetCodec codec, int head, int tail)
    {
        var page = PromptLikeBytes(head + tail, seed: head ^ tail);
        using var joined = new PageCompressor(codec);
        using var parts = new PageCompressor(codec);

        var expected = joined.Compress(page).ToArray();
        var actual = parts.Compress(page.AsSpan(0, head), page.AsSpan(head)).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Compress_SnappyParts_DecompressToThePage()
    {
        var page = PromptLikeBytes(3 * Block + 17, seed: 9);
        using var compressor = new PageCompressor(ParquetCodec.Snappy);

        var compressed = compressor.Compress(page.AsSpan(0, 100), page.AsSpan(100)).ToArray();

        Assert.Equal(page, Snappier.Snappy.DecompressToArray(compressed));
    }

    /// <summary>Text with the repeats of a prompt page (so Snappy finds matches, also across block edges) and some noise.</summary>
    private static byte[] PromptLikeBytes(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        var phrase = "Using the numbers [12, 7, 93], create an equation that equals 42. <think> "u8.ToArray();
        for (int i = 0; i < length; i++)
            bytes[i] = random.Next(10) == 0 ? (byte)random.Next(256) : phrase[i % phrase.Length];
        return bytes;
    }
}
