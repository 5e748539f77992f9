using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Reflection;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Parquet.Encoding;
using Parquet;
using Parquet.Meta;

namespace Countdown.Preprocess.Tests.Parquet.Encoding;

/// <summary>Encodes the same rows with Parquet.Net and with <see cref="RowGroupEncoder"/> and reports the first difference.</summary>
internal static class RowGroupEncodingDiff
{
    /// <summary>Writes the rows <paramref name="fill"/> adds as a one-row-group file through Parquet.Net, as the writer does.</summary>
    /// <remarks>Prompts are rendered as text here, never straight to UTF-8, so the reference does not share the path under test.</remarks>
    public static async Task<(byte[] File, FileMetaData Footer)> ReferenceAsync(VerlParquetOptions options, Action<RowGroupBuffer> fill)
    {
        var schema = VerlParquetSchema.Create(options);
        using var buffer = new RowGroupBuffer(schema, options.RowGroupSize) { RendersUtf8 = false };
        fill(buffer);
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(schema.Schema, stream, VerlParquetWriter.ToParquetOptions(schema, options.Compression)))
        {
            await buffer.FlushAsync(writer, CancellationToken.None);
        }

        var file = stream.ToArray();
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(file));
        return (file, reader.Metadata!);
    }

    /// <summary>Gets the column chunk bytes of a one-row-group file: from after the magic to the footer.</summary>
    public static ReadOnlySpan<byte> ChunkBytes(byte[] file)
    {
        int footer = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        return file.AsSpan(4, file.Length - 8 - footer - 4);
    }

    /// <summary>Asserts both encoders give the same bytes and metadata for the rows <paramref name="fill"/> adds; returns Parquet.Net's file.</summary>
    public static async Task<byte[]> AssertSameAsync(VerlParquetOptions options, Action<RowGroupBuffer> fill, RowGroupEncoder? encoder = null, RowGroupBuffer? buffer = null)
    {
        var (file, footer) = await ReferenceAsync(options, fill);
        var schema = VerlParquetSchema.Create(options);
        using var owned = encoder is null ? new RowGroupEncoder(schema, options.Compression) : null;
        encoder ??= owned!;
        using var ownedBuffer = buffer is null ? new RowGroupBuffer(schema, options.RowGroupSize) : null;
        buffer ??= ownedBuffer!;
        fill(buffer);
        var output = new ArrayBufferWriter<byte>();
        output.Write(new byte[] { 0xEE }); // Offsets must be relative to the first byte the encoder appends.
        var group = buffer.EncodeTo(encoder, output);
        Assert.NotNull(group);
        Assert.Equal(0, buffer.Count);

        var expected = ChunkBytes(file);
        var actual = output.WrittenSpan[1..];
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.SequenceEqual(actual), $"Bytes differ first at {expected.CommonPrefixLength(actual)} of {expected.Length}.");
        Shift(group, 4);
        AssertSameFields(footer.RowGroups[0], group, "RowGroup");
        return file;
    }

    /// <summary>Adds <paramref name="by"/> to every offset, as if the chunks followed the file's 4-byte magic.</summary>
    public static void Shift(RowGroup group, long by)
    {
        group.FileOffset += by;
        foreach (var column in group.Columns)
        {
            column.FileOffset += by;
            column.MetaData!.DataPageOffset += by;
            column.MetaData.DictionaryPageOffset += by;
        }
    }

    /// <summary>Compares two Thrift objects property by property, lists and byte arrays by content.</summary>
    public static void AssertSameFields(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}.");
            return;
        }

        var type = expected.GetType();
        Assert.Equal(type, actual.GetType());
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal))
        {
            Assert.True(Equals(expected, actual), $"{path}: expected {expected}, got {actual}.");
        }
        else if (expected is byte[] bytes)
        {
            Assert.True(bytes.AsSpan().SequenceEqual((byte[])actual), $"{path}: expected [{Convert.ToHexString(bytes)}], got [{Convert.ToHexString((byte[])actual)}].");
        }
        else if (expected is IList list)
        {
            var other = (IList)actual;
            Assert.True(list.Count == other.Count, $"{path}: expected {list.Count} items, got {other.Count}.");
            for (int i = 0; i < list.Count; i++)
            {
                AssertSameFields(list[i], other[i], $"{path}[{i}]");
            }
        }
        else
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                AssertSameFields(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            }
        }
    }
}
