using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Countdown.Preprocess.Parquet;

/// <summary>The <c>ARROW:schema</c> key-value metadata pyarrow writes: the base64 of an Arrow IPC schema message.</summary>
/// <remarks>
/// It carries the Arrow schema <c>datasets</c> wrote from (every field nullable, list items named <c>item</c>) and
/// the schema metadata (<c>huggingface</c>), so pyarrow restores exactly the schema it reads from TinyZero's files.
/// Layout, as pyarrow stores it: continuation marker <c>0xFFFFFFFF</c>, the flatbuffer's length padded to 8, then a
/// flatbuffer <c>Message { version: V5, header: Schema }</c>; no record batches and no end-of-stream marker.
/// <para>
/// Apache.Arrow serialises the message: <c>ArrowStreamWriter.WriteStart</c> writes exactly that encapsulated schema
/// message as the first message of a stream, and we keep only that message (its length is in bytes 4..8), never the
/// end-of-stream marker that finishing the stream would add. Its flatbuffer layout differs from the hand-written builder
/// used before (1,616 instead of 2,048 bytes for the veRL columns, 1,712 instead of 2,168 with <c>solution</c>), but it decodes to the same schema.
/// </para>
/// </remarks>
internal static class ArrowSchemaMessage
{
    /// <summary>The metadata key.</summary>
    public const string Key = "ARROW:schema";

    /// <summary>Builds the base64 metadata value for the veRL columns, with the given schema-level metadata.</summary>
    public static string Base64(bool includeSolution, IReadOnlyList<KeyValuePair<string, string>> schemaMetadata)
        => Convert.ToBase64String(Serialize(Schema(includeSolution, schemaMetadata)));

    /// <summary>The Arrow schema <c>datasets</c> writes the veRL columns from.</summary>
    internal static Schema Schema(bool includeSolution, IReadOnlyList<KeyValuePair<string, string>> schemaMetadata)
    {
        var int64List = new ListType(new Field("item", Int64Type.Default, nullable: true));
        Field[] extraInfo = includeSolution
            ? [Int64("index"), Utf8("solution"), Utf8("split")]
            : [Int64("index"), Utf8("split")];
        Field[] columns =
        [
            Int64("target"),
            new("nums", int64List, nullable: true),
            Utf8("data_source"),
            new("prompt", new ListType(Struct("item", Utf8("content"), Utf8("role"))), nullable: true),
            Utf8("ability"),
            Struct("reward_model", Struct("ground_truth", new Field("numbers", int64List, nullable: true), Int64("target")), Utf8("style")),
            Struct("extra_info", extraInfo),
        ];
        return new Schema(columns, schemaMetadata);
    }

    private static byte[] Serialize(Schema schema)
    {
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, schema, leaveOpen: true))
        {
            writer.WriteStart();
        }

        var bytes = stream.GetBuffer().AsSpan(0, (int)stream.Length);
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes) != 0xFFFFFFFF)
        {
            throw new InvalidOperationException("Apache.Arrow wrote the schema message without the continuation marker.");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        return bytes[..(8 + length)].ToArray();
    }

    private static Field Int64(string name) => new(name, Int64Type.Default, nullable: true);

    private static Field Utf8(string name) => new(name, StringType.Default, nullable: true);

    private static Field Struct(string name, params Field[] children) => new(name, new StructType(children), nullable: true);
}
