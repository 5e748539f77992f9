namespace Countdown.Preprocess.Readers.ParquetPages;

/// <summary>Reads the Thrift compact protocol, just enough for Parquet page headers: integers, booleans, and skipping anything else.</summary>
/// <remarks>
/// Parquet.Net's Thrift classes are internal, so page headers are parsed here. Running out of bytes throws
/// <see cref="EndOfStreamException"/> (the caller may read more and retry); malformed input throws <see cref="ParquetPageException"/>.
/// Nesting is limited, so a hostile header cannot exhaust the stack.
/// </remarks>
internal ref struct ThriftCompactReader(ReadOnlySpan<byte> data)
{
    /// <summary>Compact-protocol type codes.</summary>
    public const byte Stop = 0, True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary = 8,
        List = 9, Set = 10, Map = 11, Struct = 12, Uuid = 13;

    private const int MaxDepth = 16;

    private readonly ReadOnlySpan<byte> _data = data;

    /// <summary>Bytes consumed so far.</summary>
    public int Position { get; private set; }

    /// <summary>Reads the next field header of a struct; false at its end. <paramref name="lastId"/> carries the previous field id (ids are delta-encoded).</summary>
    public bool ReadFieldHeader(ref short lastId, out short id, out byte type)
    {
        byte header = ReadByte();
        type = (byte)(header & 0x0F);
        if (type == Stop)
        {
            id = 0;
            return false;
        }
        int delta = header >> 4;
        id = delta == 0 ? checked((short)ReadZigZag32()) : (short)(lastId + delta);
        lastId = id;
        return true;
    }

    /// <summary>Reads an i8, i16 or i32 field value.</summary>
    public int ReadInt(byte type) => type switch
    {
        Byte => (sbyte)ReadByte(),
        I16 or I32 => ReadZigZag32(),
        _ => throw new ParquetPageException($"a page header field has type {type} where an integer was expected"),
    };

    /// <summary>The value of a boolean field, which the compact protocol keeps in the field header's type.</summary>
    public static bool ReadBool(byte type) => type switch
    {
        True => true,
        False => false,
        _ => throw new ParquetPageException($"a page header field has type {type} where a boolean was expected"),
    };

    /// <summary>Skips a value of <paramref name="type"/>, including nested structs, lists, sets and maps.</summary>
    public void Skip(byte type, int depth = 0)
    {
        if (depth > MaxDepth)
            throw new ParquetPageException($"a page header nests deeper than {MaxDepth} levels");
        switch (type)
        {
            case True or False:
                break;
            case Byte:
                Advance(1);
                break;
            case I16 or I32 or I64:
                ReadVarint();
                break;
            case Double:
                Advance(8);
                break;
            case Uuid:
                Advance(16);
                break;
            case Binary:
                Advance(ReadLength());
                break;
            case List or Set:
            {
                byte header = ReadByte();
                int count = header >> 4 == 15 ? ReadLength() : header >> 4;
                byte element = (byte)(header & 0x0F);
                for (int i = 0; i < count; i++)
                    SkipElement(element, depth + 1);
                break;
            }
            case Map:
            {
                int count = ReadLength();
                if (count == 0)
                    break;
                byte types = ReadByte();
                for (int i = 0; i < count; i++)
                {
                    SkipElement((byte)(types >> 4), depth + 1);
                    SkipElement((byte)(types & 0x0F), depth + 1);
                }
                break;
            }
            case Struct:
            {
                short lastId = 0;
                while (ReadFieldHeader(ref lastId, out _, out byte field))
                    Skip(field, depth + 1);
                break;
            }
            default:
                throw new ParquetPageException($"a page header holds unknown Thrift type {type}");
        }
    }

    // Inside a list, set or map a boolean takes a byte of its own.
    private void SkipElement(byte type, int depth)
    {
        if (type is True or False)
            Advance(1);
        else
            Skip(type, depth);
    }

    private int ReadLength()
    {
        ulong length = ReadVarint();
        if (length > int.MaxValue)
            throw new ParquetPageException($"a page header holds a length of {length}");
        return (int)length;
    }

    private int ReadZigZag32()
    {
        ulong raw = ReadVarint();
        if (raw > uint.MaxValue)
            throw new ParquetPageException("a page header holds an integer wider than 32 bits");
        uint value = (uint)raw;
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return value;
        }
        throw new ParquetPageException("a page header holds a variable-length integer longer than 10 bytes");
    }

    private byte ReadByte()
    {
        if (Position >= _data.Length)
            throw new EndOfStreamException();
        return _data[Position++];
    }

    private void Advance(int count)
    {
        if (count > _data.Length - Position)
            throw new EndOfStreamException();
        Position += count;
    }
}
