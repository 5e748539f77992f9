using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Countdown.Preprocess.Parquet.Encoding;

/// <summary>A growable byte buffer written front to back and reused for every page: no streams, no copies on reuse.</summary>
/// <remarks>
/// The bytes live in unmanaged memory (see <see cref="NativeBlock{T}"/> for why): a page buffer is megabytes, and large
/// arrays set off full garbage collections. The owner must dispose it: a finalizer could free the bytes under a live span.
/// </remarks>
internal sealed unsafe class ByteBuffer : IDisposable
{
    private byte* _bytes;
    private int _capacity;

    /// <summary>Creates a buffer with room for <paramref name="initialCapacity"/> bytes.</summary>
    public ByteBuffer(int initialCapacity)
    {
        _capacity = Math.Max(initialCapacity, 16);
        _bytes = (byte*)NativeMemory.Alloc((nuint)_capacity);
    }

    /// <summary>Gets the number of bytes written since the last <see cref="Clear"/>.</summary>
    public int Length { get; private set; }

    /// <summary>Gets the bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => new(Live, Length);

    /// <summary>Returns room for at least <paramref name="count"/> more bytes; call <see cref="Advance"/> with what was used.</summary>
    public Span<byte> Reserve(int count)
    {
        if (_capacity - Length < count)
        {
            Grow(count);
        }

        return new Span<byte>(Live + Length, _capacity - Length);
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
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
        Length += 4;
    }

    /// <summary>Overwrites 4 bytes at <paramref name="offset"/> with a little-endian integer (a length prefix known only afterwards).</summary>
    public void PatchInt32(int offset, int value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)offset, (uint)Math.Max(_capacity - 4, 0), nameof(offset));
        BinaryPrimitives.WriteInt32LittleEndian(new Span<byte>(Live + offset, 4), value);
    }

    /// <summary>Forgets the bytes, keeping the storage.</summary>
    public void Clear() => Length = 0;

    /// <summary>Frees the storage.</summary>
    public void Dispose()
    {
        if (_bytes is null) return;
        NativeMemory.Free(_bytes);
        _bytes = null;
    }

    private byte* Live
    {
        get
        {
            ObjectDisposedException.ThrowIf(_bytes is null, this);
            return _bytes;
        }
    }

    private void Grow(int count)
    {
        long needed = (long)Length + count;
        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException($"A page of {needed} bytes does not fit in one buffer.");
        }

        long size = Math.Max(needed, Math.Min((long)_capacity * 2, Array.MaxLength));
        _bytes = (byte*)NativeMemory.Realloc(Live, (nuint)size);
        _capacity = (int)size;
    }
}
