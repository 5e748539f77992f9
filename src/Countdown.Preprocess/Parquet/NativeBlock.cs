using System.Buffers;
using System.Runtime.InteropServices;

namespace Countdown.Preprocess.Parquet;

/// <summary>A fixed block of unmanaged memory seen as <see cref="Memory{T}"/>: a writer's large reused buffers live outside the GC heap.</summary>
/// <remarks>
/// Each large array a writer slot allocates (prompt text blocks, page buffers: about 30 MB a slot) counts against the
/// GC's large object budget, and passing it starts a full collection, which marks every task the job holds: the
/// default job spent 30–45 ms of its wall time in such pauses. Native blocks are not the GC's to count, mark or move.
/// The owner must dispose the block: there is no finalizer, since one could free the memory under a live span (CA2015).
/// </remarks>
internal sealed unsafe class NativeBlock<T> : MemoryManager<T>
    where T : unmanaged
{
    private T* _pointer;

    /// <summary>Allocates an uninitialized block of <paramref name="length"/> elements.</summary>
    public NativeBlock(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        _pointer = (T*)NativeMemory.Alloc((nuint)Math.Max(length, 1), (nuint)sizeof(T));
    }

    /// <summary>Gets the number of elements in the block.</summary>
    public int Length { get; }

    /// <inheritdoc/>
    public override Span<T> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_pointer is null, this);
        return new Span<T>(_pointer, Length);
    }

    /// <inheritdoc/>
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_pointer is null, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)elementIndex, (uint)Length, nameof(elementIndex));
        return new MemoryHandle(_pointer + elementIndex);
    }

    /// <inheritdoc/>
    public override void Unpin()
    {
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (_pointer is null) return;
        NativeMemory.Free(_pointer);
        _pointer = null;
    }
}
