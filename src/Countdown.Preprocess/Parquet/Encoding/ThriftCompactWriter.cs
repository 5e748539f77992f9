namespace Countdown.Preprocess.Parquet.Encoding;

/// <summary>Writes the few Thrift compact-protocol fields a Parquet page header needs, as Parquet.Net's protocol writer does.</summary>
/// <remarks>
/// Field headers use the short form (delta from the previous field id in the high nibble) when the delta is 1 to 15,
/// integers are zigzag varints, binaries a varint length and the bytes, and every struct ends with a stop byte.
/// A nested struct remembers its parent's last field id: <see cref="BeginStruct"/> returns it and
/// <see cref="EndStruct"/> takes it back.
/// </remarks>
internal ref struct ThriftCompactWriter(Span<byte> destination)
{
    private const byte I32 = 5, I64 = 6, Binary = 8, Struct = 12;

    private readonly Span<byte> _destination = destination;
    private short _lastFieldId;

    /// <summary>Gets the number of bytes written.</summary>
    public int Length { get; private set; }

    /// <summary>Starts a struct: the top-level one, or a nested one after <see cref="WriteStructField"/>; returns the parent's last field id.</summary>
    public short BeginStruct()
    {
        short parent = _lastFieldId;
        _lastFieldId = 0;
        return parent;
    }

    /// <summary>Ends a struct with a stop byte and restores the parent's last field id.</summary>
    public void EndStruct(short parent)
    {
        _lastFieldId = parent;
        _destination[Length++] = 0;
    }

    /// <summary>Writes the header of a struct-typed field; follow with <see cref="BeginStruct"/>.</summary>
    public void WriteStructField(short id) => WriteFieldHeader(id, Struct);

    /// <summary>Writes an i32 (or enum) field.</summary>
    public void WriteI32Field(short id, int value)
    {
        WriteFieldHeader(id, I32);
        WriteVarint((uint)((value << 1) ^ (value >> 31)));
    }

    /// <summary>Writes an i64 field.</summary>
    public void WriteI64Field(short id, long value)
    {
        WriteFieldHeader(id, I64);
        WriteVarint((ulong)((value << 1) ^ (value >> 63)));
    }

    /// <summary>Writes a binary field.</summary>
    public void WriteBinaryField(short id, ReadOnlySpan<byte> value)
    {
        WriteFieldHeader(id, Binary);
        WriteVarint((uint)value.Length);
        value.CopyTo(_destination[Length..]);
        Length += value.Length;
    }

    private void WriteFieldHeader(short id, byte type)
    {
        int delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            _destination[Length++] = (byte)((delta << 4) | type);
        }
        else
        {
            _destination[Length++] = type;
            WriteVarint((uint)((id << 1) ^ (id >> 31)));
        }

        _lastFieldId = id;
    }

    private void WriteVarint(ulong value) => Length += Uleb128.Write(_destination[Length..], value);
}
