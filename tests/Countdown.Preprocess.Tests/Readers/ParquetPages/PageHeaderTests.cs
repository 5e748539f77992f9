using Countdown.Preprocess.Readers.ParquetPages;

namespace Countdown.Preprocess.Tests.Readers.ParquetPages;

public sealed class PageHeaderTests
{
    [Fact]
    public void Parse_DataPageWithStatisticsAndUnknownFields_ReadsSizesAndSkipsTheRest()
    {
        byte[] bytes = new ThriftBytes()
            .I32(1, 0).I32(2, 1000).I32(3, 400).I32(4, 12345) // crc
            .Begin(5).I32(1, 77).I32(2, 8).I32(3, 3).I32(4, 3)
                .Begin(5).Binary(1, [1, 2, 3]).Binary(2, new byte[300]).I32(3, 0).List(9, Enumerable.Range(0, 20).ToArray()).End() // statistics
            .End()
            .Begin(20).Bool(1, true).Begin(2).I32(1, 5).End().End() // a field from a future format version
            .ToArray();

        var header = PageHeader.Parse(bytes);

        Assert.Equal((PageHeader.DataPage, 1000, 400, 77, PageHeader.RleDictionary, bytes.Length),
            (header.Type, header.UncompressedSize, header.CompressedSize, header.NumValues, header.Encoding, header.HeaderLength));
    }

    [Fact]
    public void Parse_DataPageV2_ReadsLevelLengthsAndCompressionFlag()
    {
        byte[] bytes = new ThriftBytes().I32(1, 3).I32(2, 90).I32(3, 60)
            .Begin(8).I32(1, 10).I32(2, 1).I32(3, 8).I32(4, 0).I32(5, 6).I32(6, 4).Bool(7, false).End().ToArray();

        var header = PageHeader.Parse(bytes);

        Assert.Equal((PageHeader.DataPageV2, 10, PageHeader.Plain, 6, 4, false),
            (header.Type, header.NumValues, header.Encoding, header.DefinitionLevelsLength, header.RepetitionLevelsLength, header.IsCompressed));
    }

    [Fact]
    public void Parse_CutShort_ThrowsEndOfStreamSoTheCallerCanReadMore()
    {
        byte[] bytes = ThriftBytes.DataPage(100, 100, 10);

        Assert.Throws<EndOfStreamException>(() => PageHeader.Parse(bytes.AsSpan(0, bytes.Length - 3)));
    }

    [Fact]
    public void Parse_DeeplyNestedStructs_ThrowsInsteadOfRecursingWithoutEnd()
    {
        var thrift = new ThriftBytes().I32(1, 0).I32(2, 1).I32(3, 1);
        for (int i = 0; i < 40; i++)
            thrift.Begin(9);
        for (int i = 0; i < 40; i++)
            thrift.End();

        var error = Assert.Throws<ParquetPageException>(() => PageHeader.Parse(thrift.ToArray()));

        Assert.Contains("nests deeper", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "longer than 10 bytes")]
    [InlineData(new byte[] { 0x4E, 0x00 }, "unknown Thrift type")]
    [InlineData(new byte[] { 0x15, 0x00, 0x15, 0x03, 0x00 }, "lacks its type or sizes")]
    public void Parse_Malformed_ThrowsParquetPageException(byte[] bytes, string expected)
    {
        var error = Assert.Throws<ParquetPageException>(() => PageHeader.Parse(bytes));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Parse_NegativeSize_IsRejected()
    {
        Assert.Throws<ParquetPageException>(() => PageHeader.Parse(ThriftBytes.DataPage(-5, 10, 1)));
    }
}
