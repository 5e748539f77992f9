using System.Buffers.Binary;

namespace Countdown.Preprocess.Parquet.Splicing;

/// <summary>Reads Thrift compact-protocol bytes into <see cref="ThriftStruct"/> trees.</summary>
internal ref struct ThriftCompactReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    /// <summary>Reads one struct, up to and including its stop byte.</summary>
    /// <exception cref="InvalidDataException">The bytes end early or hold a type the Parquet footer never uses.</exception>
    public ThriftStruct ReadStruct()
    {
        var result = new ThriftStruct();
        short lastId = 0;
        while (true)
        {
            byte header = ReadByte();
            if (header == 0) return result;
            var type = (CompactType)(header & 0x0F);
            int delta = header >> 4;
            short id = delta == 0 ? checked((short)ZigZag(ReadVarint())) : checked((short)(lastId + delta));
            lastId = id;
            object? value = type is CompactType.BooleanTrue or CompactType.BooleanFalse ? null : ReadValue(type);
            result.Fields.Add(new ThriftField(id, type, value));
        }
    }

    private object ReadValue(CompactType type)
    {
        switch (type)
        {
            case CompactType.BooleanTrue or CompactType.BooleanFalse or CompactType.Byte:
                // A boolean list element is a byte of its own; a byte field is signed.
                return type == CompactType.Byte ? (long)(sbyte)ReadByte() : (long)ReadByte();
            case CompactType.I16 or CompactType.I32 or CompactType.I64:
                return ZigZag(ReadVarint());
            case CompactType.Double:
                return BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(8));
            case CompactType.Binary:
                return ReadBytes(checked((int)ReadVarint())).ToArray();
            case CompactType.List or CompactType.Set:
                return ReadList();
            case CompactType.Struct:
                return ReadStruct();
            default:
                throw new InvalidDataException($"Thrift type '{type}' is not expected in a Parquet footer.");
        }
    }

    private ThriftList ReadList()
    {
        byte header = ReadByte();
        var elementType = (CompactType)(header & 0x0F);
        int count = header >> 4 == 0x0F ? checked((int)ReadVarint()) : header >> 4;
        var items = new List<object>(Math.Min(count, 1024));
        for (int i = 0; i < count; i++)
        {
            items.Add(ReadValue(elementType));
        }

        return new ThriftList(elementType, items);
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }

        throw new InvalidDataException("A Thrift varint in the Parquet footer is longer than 10 bytes.");
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private byte ReadByte()
    {
        if (_position >= _data.Length) throw Truncated();
        return _data[_position++];
    }

    private ReadOnlySpan<byte> ReadBytes(int length)
    {
        if (length < 0 || _data.Length - _position < length) throw Truncated();
        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    private static InvalidDataException Truncated() => new("The Parquet footer's Thrift bytes end in the middle of a value.");
}
