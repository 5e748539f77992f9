namespace Countdown.Preprocess.Tests.Readers.ParquetPages;

/// <summary>Writes Thrift compact-protocol bytes by hand, to build page headers (good and bad) for the decoder's tests.</summary>
internal sealed class ThriftBytes
{
    private readonly List<byte> _bytes = [];
    private readonly Stack<short> _outer = new();
    private short _lastId;

    public ThriftBytes I32(short id, int value)
    {
        Header(id, 5);
        Varint((uint)((value << 1) ^ (value >> 31)));
        return this;
    }

    public ThriftBytes Bool(short id, bool value)
    {
        Header(id, (byte)(value ? 1 : 2));
        return this;
    }

    public ThriftBytes Binary(short id, byte[] value)
    {
        Header(id, 8);
        Varint((uint)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    /// <summary>A list of i32 values.</summary>
    public ThriftBytes List(short id, params int[] values)
    {
        Header(id, 9);
        _bytes.Add((byte)(values.Length < 15 ? values.Length << 4 | 5 : 0xF5));
        if (values.Length >= 15)
            Varint((uint)values.Length);
        foreach (int value in values)
            Varint((uint)((value << 1) ^ (value >> 31)));
        return this;
    }

    public ThriftBytes Begin(short id)
    {
        Header(id, 12);
        _outer.Push(_lastId);
        _lastId = 0;
        return this;
    }

    public ThriftBytes End()
    {
        _bytes.Add(0);
        _lastId = _outer.Pop();
        return this;
    }

    public ThriftBytes Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    /// <summary>Closes the top-level struct and returns the bytes.</summary>
    public byte[] ToArray() => [.. _bytes, 0];

    /// <summary>A data page v1 header of a flat column: PLAIN values, RLE levels.</summary>
    public static byte[] DataPage(int uncompressed, int compressed, int values, int encoding = 0)
        => new ThriftBytes().I32(1, 0).I32(2, uncompressed).I32(3, compressed)
            .Begin(5).I32(1, values).I32(2, encoding).I32(3, 3).I32(4, 3).End().ToArray();

    /// <summary>A PLAIN dictionary page header.</summary>
    public static byte[] DictionaryPage(int size, int values)
        => new ThriftBytes().I32(1, 2).I32(2, size).I32(3, size).Begin(7).I32(1, values).I32(2, 0).End().ToArray();

    private void Header(short id, byte type)
    {
        int delta = id - _lastId;
        if (delta is > 0 and <= 15)
        {
            _bytes.Add((byte)(delta << 4 | type));
        }
        else
        {
            _bytes.Add(type);
            Varint((uint)((id << 1) ^ (id >> 15)));
        }
        _lastId = id;
    }

    private void Varint(uint value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        _bytes.Add((byte)value);
    }
}
