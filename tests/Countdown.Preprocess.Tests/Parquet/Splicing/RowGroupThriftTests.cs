using System.Buffers;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Parquet.Encoding;
using Countdown.Preprocess.Parquet.Splicing;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Parquet.Encoding;

namespace Countdown.Preprocess.Tests.Parquet.Splicing;

public sealed class RowGroupThriftTests
{
    [Theory]
    [InlineData(ParquetCodec.Snappy, false, 1)]
    [InlineData(ParquetCodec.Snappy, false, 1_000)]
    [InlineData(ParquetCodec.Zstd, true, 7)]
    [InlineData(ParquetCodec.Gzip, false, 300)]
    [InlineData(ParquetCodec.None, true, 50)]
    public async Task From_EncodersRowGroup_WritesTheBytesOfParquetNetsFooterStruct(ParquetCodec codec, bool solution, int rows)
    {
        var options = new VerlParquetOptions { Compression = codec, IncludeSolution = solution, RowGroupSize = 10_000 };
        void Fill(RowGroupBuffer buffer)
        {
            if (solution) RowGroupEncodingRows.Prepared(buffer, rows, seed: rows);
            else RowGroupEncodingRows.Tasks(buffer, rows % 2 == 0 ? PromptTemplates.Base : PromptTemplates.Chat, rows, seed: rows);
        }

        var (file, _) = await RowGroupEncodingDiff.ReferenceAsync(options, Fill);
        var (footer, _) = ParquetSplicer.ReadFooter(file);
        var expected = (ThriftStruct)((ThriftList)footer.Get(4).Value!).Items[0];
        var schema = VerlParquetSchema.Create(options);
        using var buffer = new RowGroupBuffer(schema, options.RowGroupSize);
        Fill(buffer);
        using var encoder = new RowGroupEncoder(schema, codec);
        var group = buffer.EncodeTo(encoder, new ArrayBufferWriter<byte>())!;
        RowGroupEncodingDiff.Shift(group, 4); // Parquet.Net's offsets count the leading magic.

        Assert.Equal(Write(expected), Write(RowGroupThrift.From(group)));
    }

    private static byte[] Write(ThriftStruct value)
    {
        var bytes = new ArrayBufferWriter<byte>();
        new Countdown.Preprocess.Parquet.Splicing.ThriftCompactWriter(bytes).WriteStruct(value);
        return bytes.WrittenSpan.ToArray();
    }
}
