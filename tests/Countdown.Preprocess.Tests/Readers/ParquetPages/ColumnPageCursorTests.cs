using Countdown.Preprocess.Readers.ParquetPages;
using Parquet.Meta;

namespace Countdown.Preprocess.Tests.Readers.ParquetPages;

/// <summary>One flat required INT64 column chunk built by hand, so every page-level fault can be placed exactly.</summary>
public sealed class ColumnPageCursorTests
{
    [Fact]
    public async Task FillAsync_PlainPageThenDictionaryPage_ReturnsTheValues()
    {
        byte[] plain = Longs(5, -6, long.MaxValue);
        byte[] dictionary = Longs(100, 200);
        byte[] indices = [1, (3 << 1) | 1, .. RleBitPackedDecoderTests.Pack([1, 0, 1, 0, 0, 0, 0, 0], 1)]; // width 1, one group
        byte[] chunk = [.. ThriftBytes.DataPage(plain.Length, plain.Length, 3), .. plain,
            .. ThriftBytes.DictionaryPage(dictionary.Length, 2), .. dictionary,
            .. ThriftBytes.DataPage(indices.Length, indices.Length, 4, encoding: 8), .. indices];
        using var cursor = Open(chunk, values: 7);

        var read = new List<long>();
        while (await cursor.FillAsync(default))
            read.AddRange(cursor.Values.AsSpan(0, cursor.ValueCount).ToArray());

        Assert.Equal([5L, -6, long.MaxValue, 200, 100, 200, 100], read);
    }

    public static TheoryData<string, byte[], long, string> Faults => new()
    {
        { "absurd page size", [.. ThriftBytes.DataPage(1 << 30, 8, 1), .. Longs(1)], 1, "more than the 256 MB" },
        { "page past the chunk", [.. ThriftBytes.DataPage(800, 800, 100), .. Longs(1)], 100, "runs past the end of its chunk" },
        { "header cut short", ThriftBytes.DataPage(8, 8, 1)[..5], 1, "ends inside the page header" },
        { "fewer values than declared", [.. ThriftBytes.DataPage(8, 8, 1), .. Longs(1)], 2, "1 values short" },
        { "more values than declared", [.. ThriftBytes.DataPage(16, 16, 2), .. Longs(1, 2)], 1, "more than the 1 values" },
        { "a billion values in 8 bytes", [.. ThriftBytes.DataPage(8, 8, 1_000_000_000), .. Longs(1)], 1_000_000_000, "values end before" },
        { "dictionary page missing", [.. ThriftBytes.DataPage(2, 2, 1, encoding: 8), 1, 2], 1, "without a dictionary page" },
        { "index past dictionary", [.. ThriftBytes.DictionaryPage(8, 1), .. Longs(9), .. ThriftBytes.DataPage(3, 3, 1, encoding: 8), 2, 2, 3], 1, "points past its 1-entry dictionary" },
        { "dictionary too small", [.. ThriftBytes.DictionaryPage(8, 5), .. Longs(9)], 0, "declares 5 entries in 8 bytes" },
        { "unknown encoding", [.. ThriftBytes.DataPage(8, 8, 1, encoding: 5), .. Longs(1)], 1, "value encoding 5" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task FillAsync_FaultyChunk_ThrowsParquetPageException(string fault, byte[] chunk, long values, string expected)
    {
        using var cursor = Open(chunk, values);

        var error = await Assert.ThrowsAsync<ParquetPageException>(async () =>
        {
            while (await cursor.FillAsync(default)) { }
        });

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{fault}: {error.Message}");
    }

    [Fact]
    public void Start_ChunkBeyondTheFile_Throws()
    {
        var file = new MemoryStream(new byte[100]);
        using var cursor = new ColumnPageCursor(file, 0, 0, int32: false);

        var error = Assert.Throws<ParquetPageException>(() => cursor.Start(Chunk(4, 500, 1), file.Length));

        Assert.Contains("lies outside the file", error.Message);
    }

    private static ColumnPageCursor Open(byte[] chunk, long values)
    {
        var file = new MemoryStream([.. "PAR1"u8.ToArray(), .. chunk, .. new byte[8]]);
        var cursor = new ColumnPageCursor(file, 0, 0, int32: false);
        cursor.Start(Chunk(4, chunk.Length, values), file.Length);
        return cursor;
    }

    private static ColumnMetaData Chunk(long offset, long length, long values) => new()
    {
        Type = global::Parquet.Meta.Type.INT64,
        Encodings = [Encoding.PLAIN, Encoding.RLE],
        PathInSchema = ["x"],
        Codec = CompressionCodec.UNCOMPRESSED,
        NumValues = values,
        TotalCompressedSize = length,
        TotalUncompressedSize = length,
        DataPageOffset = offset,
    };

    private static byte[] Longs(params long[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();
}
