using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Preparing;

/// <summary>
/// Every task the filters need at once, 16 bytes each: target and numbers packed into one value
/// (<see cref="PackedTaskKey"/>, numbers in input order), in 1 MB chunks so growing never copies.
/// </summary>
/// <remarks>
/// A task that does not pack (more than six numbers, a number outside 0–65,535, a target outside ±2^27) is kept as
/// itself in a side list, and its slot holds the count field 7, which no packed task has, with the list index.
/// Unpacking gives a new <see cref="CountdownTask"/> equal to the one added.
/// </remarks>
internal sealed class PackedTasks : IIndexSwap
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;
    private const int CountShift = 124;
    private static readonly UInt128 FallbackMark = (UInt128)7 << CountShift;

    private readonly List<UInt128[]> _chunks = [];
    private readonly List<CountdownTask> _unpacked = [];

    /// <summary>How many tasks the store holds.</summary>
    public int Count { get; private set; }

    /// <summary>How many of them did not pack and are held as objects.</summary>
    public int UnpackedCount => _unpacked.Count;

    /// <summary>The bytes the store holds: its chunks, plus the tasks kept as objects (estimated at 100 bytes each).</summary>
    public long AllocatedBytes => (long)_chunks.Count * ChunkSize * 16 + _unpacked.Count * 100L;

    /// <summary>Adds <paramref name="task"/> at the end.</summary>
    public void Add(CountdownTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (Count == int.MaxValue)
            throw new UsageException($"The input holds more than {int.MaxValue} tasks after filtering; split it into smaller files.");
        if (!PackedTaskKey.TryPack(task.Target, task.Nums, out var value))
        {
            value = FallbackMark | (uint)_unpacked.Count;
            _unpacked.Add(task);
        }
        if ((Count & ChunkMask) == 0 && Count >> ChunkBits == _chunks.Count) _chunks.Add(new UInt128[ChunkSize]);
        Slot(Count) = value;
        Count++;
    }

    /// <summary>The task at <paramref name="index"/>, unpacked.</summary>
    public CountdownTask this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var value = Slot(index);
            if (IsUnpacked(value)) return _unpacked[(int)(uint)value];
            var (target, nums) = PackedTaskKey.Unpack(value);
            return new CountdownTask(target, nums);
        }
    }

    /// <summary>How many numbers the task at <paramref name="index"/> holds, without unpacking it.</summary>
    public int NumberCount(int index)
    {
        var value = Slot(index);
        return IsUnpacked(value) ? _unpacked[(int)(uint)value].Nums.Length : (int)(ulong)(value >> CountShift);
    }

    /// <summary>Tasks <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1, unpacked.</summary>
    public List<CountdownTask> Range(int start, int count)
    {
        var tasks = new List<CountdownTask>(count);
        for (var i = start; i < start + count; i++) tasks.Add(this[i]);
        return tasks;
    }

    /// <summary>
    /// Keeps, in order, the tasks that <paramref name="keep"/> accepts; it sees the tasks unpacked a batch of at most
    /// <paramref name="batchSize"/> at a time and sets one flag per task. Returns how many were removed.
    /// </summary>
    public long RetainWhere(int batchSize, Action<List<CountdownTask>, bool[]> keep, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var kept = 0;
        for (var start = 0; start < Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = Range(start, Math.Min(batchSize, Count - start));
            var flags = new bool[batch.Count];
            keep(batch, flags);
            for (var i = 0; i < flags.Length; i++)
            {
                if (flags[i]) Slot(kept++) = Slot(start + i);
            }
        }
        var removed = Count - kept;
        Count = kept;
        var chunksNeeded = (kept + ChunkMask) >> ChunkBits;
        _chunks.RemoveRange(chunksNeeded, _chunks.Count - chunksNeeded);
        return removed;
    }

    /// <summary>Swaps tasks <paramref name="i"/> and <paramref name="j"/> (for <see cref="SeededShuffle"/>).</summary>
    public void Swap(int i, int j)
    {
        ref var a = ref Slot(i);
        ref var b = ref Slot(j);
        (a, b) = (b, a);
    }

    private static bool IsUnpacked(UInt128 value) => (value >> CountShift) == 7;

    private ref UInt128 Slot(int index) => ref _chunks[index >> ChunkBits][index & ChunkMask];
}
