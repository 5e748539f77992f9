using System.Buffers.Binary;
using System.Text;

namespace Countdown.Preprocess.Parquet;

/// <summary>A minimal FlatBuffers builder (tables, strings, vectors of offsets) for the Arrow IPC schema message.</summary>
/// <remarks>
/// Follows the reference builder: the buffer grows from its end towards its start, so everything a table refers to
/// is built before it and every offset points forward; scalars are aligned to their size from the buffer's end, which
/// <see cref="Finish"/> aligns to 8 bytes. Offsets returned are distances from the buffer's end. No vtable sharing,
/// which readers do not need.
/// </remarks>
internal sealed class FlatBufferBuilder
{
    private byte[] _buffer = new byte[1024];
    private int _head = 1024;       // start of the written bytes; they run to the end of _buffer
    private int _minAlign = 1;
    private int[]? _slots;          // per field: offset (from end) of its value, 0 when absent
    private int _tableStart;

    /// <summary>Gets the size written so far, which is also the offset of the last object written.</summary>
    public int Offset => _buffer.Length - _head;

    /// <summary>Writes a null-terminated UTF-8 string and returns its offset.</summary>
    public int CreateString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Prep(4, bytes.Length + 1);
        PutByte(0);
        Grow(bytes.Length);
        _head -= bytes.Length;
        bytes.CopyTo(_buffer, _head);
        PutUInt32((uint)bytes.Length);
        return Offset;
    }

    /// <summary>Writes a vector of offsets to tables or strings, in the given order, and returns its offset.</summary>
    public int CreateOffsetVector(IReadOnlyList<int> offsets)
    {
        Prep(4, 4 * offsets.Count);
        for (int i = offsets.Count - 1; i >= 0; i--)
        {
            AddOffsetValue(offsets[i]);
        }

        PutUInt32((uint)offsets.Count);
        return Offset;
    }

    /// <summary>Starts a table with room for <paramref name="fieldCount"/> fields.</summary>
    public void StartTable(int fieldCount)
    {
        _slots = new int[fieldCount];
        _tableStart = Offset;
    }

    /// <summary>Adds a byte (or bool) field.</summary>
    public void AddByte(int field, byte value)
    {
        Prep(1, 0);
        PutByte(value);
        Slot(field);
    }

    /// <summary>Adds a 16-bit field.</summary>
    public void AddInt16(int field, short value)
    {
        Prep(2, 0);
        PutUInt16((ushort)value);
        Slot(field);
    }

    /// <summary>Adds a 32-bit field.</summary>
    public void AddInt32(int field, int value)
    {
        Prep(4, 0);
        PutUInt32((uint)value);
        Slot(field);
    }

    /// <summary>Adds a field that refers to an object built earlier.</summary>
    public void AddOffset(int field, int offset)
    {
        Prep(4, 0);
        AddOffsetValue(offset);
        Slot(field);
    }

    /// <summary>Ends the table: writes its vtable just before it and returns the table's offset.</summary>
    public int EndTable()
    {
        var slots = _slots ?? throw new InvalidOperationException("No table is being built.");
        Prep(4, 0);
        PutUInt32(0); // placeholder for the signed distance to the vtable
        int table = Offset;

        int used = slots.Length;
        while (used > 0 && slots[used - 1] == 0)
        {
            used--;
        }

        for (int i = used - 1; i >= 0; i--)
        {
            PutUInt16((ushort)(slots[i] == 0 ? 0 : table - slots[i]));
        }

        PutUInt16((ushort)(table - _tableStart));
        PutUInt16((ushort)(4 + 2 * used));
        int vtable = Offset;

        // vtable position = table position - stored value; the vtable sits before the table.
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_buffer.Length - table), vtable - table);
        _slots = null;
        return table;
    }

    /// <summary>Writes the root offset and returns the finished buffer, its length a multiple of 8.</summary>
    public byte[] Finish(int root)
    {
        Prep(Math.Max(_minAlign, 8), 4);
        AddOffsetValue(root);
        return _buffer.AsSpan(_head).ToArray();
    }

    private void Slot(int field) => _slots![field] = Offset;

    private void AddOffsetValue(int offset)
    {
        Prep(4, 0);
        PutUInt32((uint)(Offset - offset + 4));
    }

    // Pads so that after writing `additional` bytes the next `size`-byte scalar is aligned from the buffer's end.
    private void Prep(int size, int additional)
    {
        _minAlign = Math.Max(_minAlign, size);
        int padding = (-(Offset + additional)) & (size - 1);
        for (int i = 0; i < padding; i++)
        {
            PutByte(0);
        }
    }

    private void Grow(int needed)
    {
        if (_head >= needed)
        {
            return;
        }

        int used = Offset;
        var larger = new byte[Math.Max(_buffer.Length * 2, used + needed)];
        _buffer.AsSpan(_head).CopyTo(larger.AsSpan(larger.Length - used));
        _buffer = larger;
        _head = larger.Length - used;
    }

    private void PutByte(byte value)
    {
        Grow(1);
        _buffer[--_head] = value;
    }

    private void PutUInt16(ushort value)
    {
        Grow(2);
        _head -= 2;
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_head), value);
    }

    private void PutUInt32(uint value)
    {
        Grow(4);
        _head -= 4;
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_head), value);
    }
}
