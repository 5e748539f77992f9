using System.Buffers;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Parquet.Encoding;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tests.Parquet.Encoding;

public sealed class RowGroupEncoderTests
{
    public static TheoryData<string, ParquetCodec, bool> Cases()
    {
        var data = new TheoryData<string, ParquetCodec, bool>();
        foreach (var shape in RowGroupEncodingRows.Shapes.Keys)
        {
            foreach (var codec in Enum.GetValues<ParquetCodec>())
            {
                data.Add(shape, codec, false);
                data.Add(shape, codec, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EncodeTo_RowShape_SameBytesAndMetadataAsParquetNet(string shape, ParquetCodec codec, bool includeSolution)
    {
        var options = new VerlParquetOptions { Compression = codec, IncludeSolution = includeSolution };

        await RowGroupEncodingDiff.AssertSameAsync(options, RowGroupEncodingRows.Shapes[shape]);
    }

    [Theory]
    [InlineData(ParquetCodec.Snappy)]
    [InlineData(ParquetCodec.Zstd)]
    [InlineData(ParquetCodec.Gzip)]
    public async Task EncodeTo_SuccessiveGroupsOnOneEncoder_EachSameAsParquetNet(ParquetCodec codec)
    {
        var options = new VerlParquetOptions { Compression = codec };
        var schema = VerlParquetSchema.Create(options);
        using var encoder = new RowGroupEncoder(schema, codec);
        using var buffer = new RowGroupBuffer(schema, options.RowGroupSize);
        int[] sizes = [300, 300, 7, 300, 1];

        for (int g = 0; g < sizes.Length; g++)
        {
            int rows = sizes[g], seed = 100 + g;
            await RowGroupEncodingDiff.AssertSameAsync(options, b => RowGroupEncodingRows.Tasks(b, g % 2 == 0 ? PromptTemplates.Base : PromptTemplates.Chat, rows, seed), encoder, buffer);
        }
    }

    [Fact]
    public async Task EncodeTo_EncodersOnParallelThreads_EachSameAsParquetNet()
    {
        var options = new VerlParquetOptions { IncludeSolution = true };

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var schema = VerlParquetSchema.Create(options);
            using var encoder = new RowGroupEncoder(schema, options.Compression);
            using var buffer = new RowGroupBuffer(schema, options.RowGroupSize);
            for (int g = 0; g < 3; g++)
            {
                int seed = (worker * 10) + g;
                await RowGroupEncodingDiff.AssertSameAsync(options, b => RowGroupEncodingRows.Prepared(b, 500 + seed, seed), encoder, buffer);
            }
        })));
    }

    [Fact]
    public async Task EncodeTo_PageOverLimit_AppendsNothingAndLeavesRowsForParquetNet()
    {
        var options = VerlParquetOptions.Default;
        var schema = VerlParquetSchema.Create(options);
        using var encoder = new RowGroupEncoder(schema, options.Compression) { MaxPageBytes = 10_000 };
        using var buffer = new RowGroupBuffer(schema, options.RowGroupSize);
        RowGroupEncodingRows.Tasks(buffer, PromptTemplates.Base, 50, seed: 11);
        var output = new ArrayBufferWriter<byte>();

        var group = buffer.EncodeTo(encoder, output);

        Assert.Null(group);
        Assert.Equal(0, output.WrittenCount);
        Assert.Equal(50, buffer.Count);
        var (expected, _) = await RowGroupEncodingDiff.ReferenceAsync(options, b => RowGroupEncodingRows.Tasks(b, PromptTemplates.Base, 50, seed: 11));
        var (fallback, _) = await FlushThroughParquetNetAsync(schema, buffer, options.Compression);
        Assert.Equal(expected, fallback);
    }

    [Fact]
    public void EncodeTo_EncoderForOtherSchema_Throws()
    {
        using var encoder = new RowGroupEncoder(VerlParquetSchema.Create(new VerlParquetOptions { IncludeSolution = true }), ParquetCodec.Snappy);
        using var buffer = new RowGroupBuffer(VerlParquetSchema.Create(VerlParquetOptions.Default), 10);

        Assert.Throws<ArgumentException>(() => buffer.EncodeTo(encoder, new ArrayBufferWriter<byte>()));
    }

    private static async Task<(byte[] File, int Rows)> FlushThroughParquetNetAsync(VerlParquetSchema schema, RowGroupBuffer buffer, ParquetCodec codec)
    {
        int rows = buffer.Count;
        using var stream = new MemoryStream();
        await using (var writer = await global::Parquet.ParquetWriter.CreateAsync(schema.Schema, stream, VerlParquetWriter.ToParquetOptions(schema, codec)))
        {
            await buffer.FlushAsync(writer, CancellationToken.None);
        }

        return (stream.ToArray(), rows);
    }
}
