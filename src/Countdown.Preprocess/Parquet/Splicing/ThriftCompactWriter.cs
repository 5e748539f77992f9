using System.Buffers;
using System.Buffers.Binary;
using Countdown.Preprocess.Parquet.Encoding;

namespace Countdown.Preprocess.Parquet.Splicing;

/// <summary>Writes <see cref="ThriftStruct"/> trees in the Thrift compact protocol, encoded as Parquet.Net 6.1 encodes them.</summary>
/// <remarks>
/// Parquet.Net's writer is the canonical compact encoding: a field header holds the id delta when it is 1 to 15
/// (else the type, then the id as a zigzag varint), a list header holds the count when it is at most 14, integers are
/// zigzag varints and a boolean field's value is its type. A tree read from its bytes therefore writes back the same.
/// </remarks>
internal sealed class ThriftCompactWriter(IBufferWriter<byte> output)
{
    /// <summary>Writes <paramref name="value"/> and its stop byte.</summary>
    public void WriteStruct(ThriftStruct value)
    {
        short lastId = 0;
        foreach (var field in value.Fields)
        {
            int delta = field.Id - lastId;
            if (delta is > 0 and <= 15)
            {
                WriteByte((byte)((delta << 4) | (byte)field.Type));
            }
            else
            {
                WriteByte((byte)field.Type);
                WriteVarint(ZigZag(field.Id));
            }

            lastId = field.Id;
            if (field.Type is not (CompactType.BooleanTrue or CompactType.BooleanFalse))
            {
                WriteValue(field.Type, field.Value!);
            }
        }

        WriteByte((byte)CompactType.Stop);
    }

    private void WriteValue(CompactType type, object value)
    {
        switch (type)
        {
            case CompactType.BooleanTrue or CompactType.BooleanFalse or CompactType.Byte:
                WriteByte(unchecked((byte)(long)value));
                break;
            case CompactType.I16 or CompactType.I32 or CompactType.I64:
                WriteVarint(ZigZag((long)value));
                break;
            case CompactType.Double:
                BinaryPrimitives.WriteDoubleLittleEndian(output.GetSpan(8), (double)value);
                output.Advance(8);
                break;
            case CompactType.Binary:
                var bytes = (byte[])value;
                WriteVarint((ulong)bytes.Length);
                output.Write(bytes);
                break;
            case CompactType.List or CompactType.Set:
                WriteList((ThriftList)value);
                break;
            case CompactType.Struct when value is ThriftStruct nested:
                WriteStruct(nested);
                break;
            case CompactType.Struct:
                // A struct written earlier: its bytes do not depend on where it lands (field ids are relative within it).
                output.Write((byte[])value);
                break;
            default:
                throw new InvalidDataException($"Thrift type '{type}' is not expected in a Parquet footer.");
        }
    }

    private void WriteList(ThriftList list)
    {
        if (list.Items.Count <= 14)
        {
            WriteByte((byte)((list.Items.Count << 4) | (byte)list.ElementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | (byte)list.ElementType));
            WriteVarint((ulong)list.Items.Count);
        }

        foreach (var item in list.Items)
        {
            WriteValue(list.ElementType, item);
        }
    }

    private void WriteVarint(ulong value) => output.Advance(Uleb128.Write(output.GetSpan(Uleb128.MaxLength), value));

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private void WriteByte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
