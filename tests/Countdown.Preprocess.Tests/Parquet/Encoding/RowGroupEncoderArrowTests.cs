using System.Buffers;
using System.Buffers.Binary;
using System.Reflection;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Parquet.Encoding;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;
using Parquet.Meta;

namespace Countdown.Preprocess.Tests.Parquet.Encoding;

public sealed class RowGroupEncoderArrowTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("countdown-rgencode-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task EncodeTo_FileAroundEncodedChunks_ArrowCppReadsTheSameRows()
    {
        var options = new VerlParquetOptions { IncludeSolution = true };
        void Fill(RowGroupBuffer b)
        {
            RowGroupEncodingRows.Tasks(b, RowGroupEncodingRows.Unicode, 40, seed: 21);
            RowGroupEncodingRows.Shapes["prepared-mixed"](b);
            RowGroupEncodingRows.Tasks(b, PromptTemplates.Base, 40, seed: 22);
        }

        var (reference, footer) = await RowGroupEncodingDiff.ReferenceAsync(options, Fill);
        var schema = VerlParquetSchema.Create(options);
        using var encoder = new RowGroupEncoder(schema, options.Compression);
        using var buffer = new RowGroupBuffer(schema, options.RowGroupSize);
        Fill(buffer);
        var file = new ArrayBufferWriter<byte>();
        file.Write("PAR1"u8);
        var group = buffer.EncodeTo(encoder, file)!;
        RowGroupEncodingDiff.Shift(group, 4);
        footer.RowGroups = [group];
        var footerBytes = Serialize(footer);
        file.Write(footerBytes);
        BinaryPrimitives.WriteInt32LittleEndian(file.GetSpan(4), footerBytes.Length);
        file.Advance(4);
        file.Write("PAR1"u8);

        var ours = await WriteAndReadAsync("ours.parquet", file.WrittenSpan.ToArray());
        var expected = await WriteAndReadAsync("reference.parquet", reference);

        Assert.Equal(87, ours.Count);
        Assert.Equal(expected, ours);
        Assert.Contains(ours, row => row.Contains(System.Text.Json.JsonSerializer.Serialize("Réponds: é 日本 😀 — ")[1..^1], StringComparison.Ordinal));
    }

    /// <summary>Serialises a footer with Parquet.Net's own (internal) Thrift writer.</summary>
    private static byte[] Serialize(FileMetaData footer)
    {
        var writerType = typeof(FileMetaData).Assembly.GetType("Parquet.Meta.Proto.ThriftCompactProtocolWriter", throwOnError: true)!;
        using var stream = new MemoryStream();
        var writer = Activator.CreateInstance(writerType, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, [stream], null);
        typeof(FileMetaData).GetMethod("Write", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(footer, [writer]);
        return stream.ToArray();
    }

    private async Task<List<string>> WriteAndReadAsync(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, bytes);
        return await ParquetWriterTestFiles.ReadRowsAsJsonAsync(path);
    }
}
