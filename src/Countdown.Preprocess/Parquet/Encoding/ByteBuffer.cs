namespace Countdown.Preprocess.Parquet.Encoding;

/// <summary>A growable byte array written front to back and reused for every page: no streams, no copies on reuse.</summary>
internal sealed class ByteBuffer(int initialCapacity)
{
    private byte[] _bytes = new byte[Math.Max(initialCapacity, 16)];

    /// <summary>Gets the number of bytes written since the last <see cref="Clear"/>.</summary>
    public int Length { get; private set; }

    /// <summary>Gets the bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    /// <summary>Returns room for at least <paramref name="count"/> more bytes; call <see cref="Advance"/> with what was used.</summary>
    public Span<byte> Reserve(int count)
    {
        if (_bytes.Length - Length < count)
        {
            Grow(count);
        }

        return _bytes.AsSpan(Length);
    }

    /// <summary>Marks <paramref name="count"/> reserved bytes as written.</summary>
    public void Advance(int count) => Length += count;

    /// <summary>Appends <paramref name="bytes"/>.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    /// <summary>Appends one byte.</summary>
    public void WriteByte(byte value)
    {
        Reserve(1)[0] = value;
        Length++;
    }

    /// <summary>Appends a 4-byte little-endian integer.</summary>
    public void WriteInt32(int value)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
        Length += 4;
    }

    /// <summary>Overwrites 4 bytes at <paramref name="offset"/> with a little-endian integer (a length prefix known only afterwards).</summary>
    public void PatchInt32(int offset, int value)
        => System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(offset, 4), value);

    /// <summary>Forgets the bytes, keeping the storage.</summary>
    public void Clear() => Length = 0;

    private void Grow(int count)
    {
        long needed = (long)Length + count;
        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException($"A page of {needed} bytes does not fit in one array.");
        }

        long size = Math.Max(needed, Math.Min((long)_bytes.Length * 2, Array.MaxLength));
        Array.Resize(ref _bytes, (int)size);
    }
}
