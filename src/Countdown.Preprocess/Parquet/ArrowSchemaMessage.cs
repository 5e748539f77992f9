using System.Buffers.Binary;

namespace Countdown.Preprocess.Parquet;

/// <summary>The <c>ARROW:schema</c> key-value metadata pyarrow writes: the base64 of an Arrow IPC schema message.</summary>
/// <remarks>
/// It carries the Arrow schema <c>datasets</c> wrote from (every field nullable, list items named <c>item</c>) and
/// the schema metadata (<c>huggingface</c>), so pyarrow restores exactly the schema it reads from TinyZero's files.
/// Layout: continuation marker <c>0xFFFFFFFF</c>, the flatbuffer's length padded to 8, then a flatbuffer
/// <c>Message { version: V5, header: Schema }</c> (Arrow's Schema.fbs and Message.fbs).
/// <para>
/// Why not a library: the bytes end up in every file <c>prepare</c> writes, and they must stay what they are so that
/// a new version writes the same files (and the same SHA-256 in <c>--summary-json</c>) for the same input.
/// Apache.Arrow's <c>ArrowStreamWriter</c> (18.0.0, already here through Parquet.Net) writes another valid layout of the
/// same schema (1,616 bytes instead of 2,048 for the veRL columns), and Google.FlatBuffers' builder always shares
/// identical vtables between tables, which this layout does not; both would change every output file. <c>ArrowSchemaMessageTests</c> holds the exact bytes.
/// </para>
/// </remarks>
internal static class ArrowSchemaMessage
{
    /// <summary>The metadata key.</summary>
    public const string Key = "ARROW:schema";

    private const short MetadataVersionV5 = 4;
    private const byte HeaderSchema = 1;
    private const byte TypeInt = 2;
    private const byte TypeUtf8 = 5;
    private const byte TypeList = 12;
    private const byte TypeStruct = 13;

    /// <summary>Builds the base64 metadata value for the veRL columns, with the given schema-level metadata.</summary>
    public static string Base64(bool includeSolution, IReadOnlyList<KeyValuePair<string, string>> schemaMetadata)
        => Convert.ToBase64String(Encapsulate(Flatbuffer(Columns(includeSolution), schemaMetadata)));

    private static ArrowField[] Columns(bool includeSolution)
    {
        var int64 = new ArrowField("item", TypeInt);
        ArrowField[] extraInfo = includeSolution
            ? [Int64("index"), Utf8("solution"), Utf8("split")]
            : [Int64("index"), Utf8("split")];
        return
        [
            Int64("target"),
            List("nums", int64),
            Utf8("data_source"),
            List("prompt", Struct("item", Utf8("content"), Utf8("role"))),
            Utf8("ability"),
            Struct("reward_model", Struct("ground_truth", List("numbers", int64), Int64("target")), Utf8("style")),
            Struct("extra_info", extraInfo),
        ];
    }

    private static byte[] Flatbuffer(ArrowField[] columns, IReadOnlyList<KeyValuePair<string, string>> schemaMetadata)
    {
        var builder = new FlatBufferBuilder();
        var fields = builder.CreateOffsetVector(columns.Select(c => Field(builder, c)).ToArray());
        var metadata = builder.CreateOffsetVector(schemaMetadata.Select(kv => KeyValue(builder, kv.Key, kv.Value)).ToArray());

        builder.StartTable(4); // Schema { endianness (Little: default), fields, custom_metadata, features }
        builder.AddOffset(1, fields);
        builder.AddOffset(2, metadata);
        var schema = builder.EndTable();

        builder.StartTable(5); // Message { version, header_type, header, bodyLength (0: default), custom_metadata }
        builder.AddOffset(2, schema);
        builder.AddInt16(0, MetadataVersionV5);
        builder.AddByte(1, HeaderSchema);
        return builder.Finish(builder.EndTable());
    }

    private static int Field(FlatBufferBuilder builder, ArrowField field)
    {
        var name = builder.CreateString(field.Name);
        var children = builder.CreateOffsetVector(field.Children.Select(c => Field(builder, c)).ToArray());
        builder.StartTable(field.TypeType == TypeInt ? 2 : 0); // Int { bitWidth, is_signed }; Utf8, List, Struct_ are empty
        if (field.TypeType == TypeInt)
        {
            builder.AddInt32(0, 64);
            builder.AddByte(1, 1);
        }

        var type = builder.EndTable();

        builder.StartTable(7); // Field { name, nullable, type_type, type, dictionary, children, custom_metadata }
        builder.AddOffset(0, name);
        builder.AddOffset(3, type);
        builder.AddOffset(5, children);
        builder.AddByte(1, 1);
        builder.AddByte(2, field.TypeType);
        return builder.EndTable();
    }

    private static int KeyValue(FlatBufferBuilder builder, string key, string value)
    {
        var k = builder.CreateString(key);
        var v = builder.CreateString(value);
        builder.StartTable(2);
        builder.AddOffset(0, k);
        builder.AddOffset(1, v);
        return builder.EndTable();
    }

    private static byte[] Encapsulate(byte[] flatbuffer)
    {
        int padded = (flatbuffer.Length + 7) & ~7;
        var message = new byte[8 + padded];
        BinaryPrimitives.WriteUInt32LittleEndian(message, 0xFFFFFFFF);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(4), padded);
        flatbuffer.CopyTo(message, 8);
        return message;
    }

    private static ArrowField Int64(string name) => new(name, TypeInt);

    private static ArrowField Utf8(string name) => new(name, TypeUtf8);

    private static ArrowField List(string name, ArrowField item) => new(name, TypeList, item);

    private static ArrowField Struct(string name, params ArrowField[] children) => new(name, TypeStruct, children);

    private sealed record ArrowField(string Name, byte TypeType, params ArrowField[] Children);
}
