using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Quality;

/// <summary>
/// Counts exact and reordered duplicates in one pass, as two <see cref="TaskKeySet"/>s would (exact first, then the
/// multiset), with one memory access a usual task instead of two, and those overlapped.
/// </summary>
/// <remarks>
/// <para>Tasks that fit a <see cref="CompactTaskKey"/> go into one open-addressing table of (exact key, multiset key)
/// pairs, placed by the hash of the multiset key: every ordering of the same numbers and target lands in the same
/// run of slots, so one walk of it tells an exact copy, a reordering, or a new task. Walks are made 64 tasks at a
/// time, after loading each walk's first slot, so the cache misses (the table outgrows the cache; stats spent 44% of
/// its time waiting on them) overlap instead of following one another.</para>
/// <para>Other tasks fall back to the two sets. Which path a task takes depends only on its values, so equal tasks
/// always meet; the two paths never share a task, so their order between each other does not matter.</para>
/// <para>16 bytes a distinct task at load 0.35–0.7: 23–46 bytes. Memory stays bounded: past
/// <see cref="DefaultMemoryLimit"/> distinct tasks the table's pairs, and every later task's, go to
/// <see cref="BucketCount"/> unlinked temporary files (<see cref="SpillBucket"/>) split by the multiset key's hash, so
/// every copy and reordering of a task lands in the same bucket; the counts are then finished bucket by bucket. Exact
/// duplicates found before the spill stay counted (they are never stored); reorderings are counted again from the
/// stored pairs, so the spill resets them. 16 bytes a task on disk.</para>
/// </remarks>
internal sealed class DuplicateTally : IDisposable
{
    /// <summary>Distinct tasks held in memory before the tally spills to disk: 2,097,152 pairs, a 64 MB table.</summary>
    public const int DefaultMemoryLimit = 1 << 21;

    /// <summary>Bucket files once the tally spills: 20M distinct tasks make about 312,000 a bucket.</summary>
    public const int BucketCount = 64;

    private readonly int _memoryLimit;
    private readonly string _spillDirectory;
    private SpillBucket[]? _buckets;
    private bool _finished;
    private const ulong Empty = ulong.MaxValue; // never a key: a compact key's count field is at most 6
    private const int Pending = 64;
    private ulong[] _slots = NewSlots(1 << 12); // pairs: [2i] exact key, [2i + 1] multiset key
    private int _count;
    private readonly ulong[] _pendingExact = new ulong[Pending];
    private readonly ulong[] _pendingMultiset = new ulong[Pending];
    private readonly int[] _pendingSlot = new int[Pending];
    private int _pending;
    private ulong _touched;
    private readonly TaskKeySet _otherExact = new(multiset: false);
    private readonly TaskKeySet _otherMultisets = new(multiset: true);
    private long _exact, _reordered;

    /// <summary>Creates a tally that holds up to <paramref name="memoryLimit"/> distinct tasks in memory and then spills to <paramref name="spillDirectory"/> (default: the system's temporary folder).</summary>
    public DuplicateTally(int memoryLimit = DefaultMemoryLimit, string? spillDirectory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryLimit, 1);
        _memoryLimit = memoryLimit;
        _spillDirectory = spillDirectory ?? Path.GetTempPath();
    }

    /// <summary>Gets whether the tally has gone to disk.</summary>
    public bool HasSpilled => _buckets is not null;

    /// <summary>Records equal to an earlier one, counted so far; once the tally has spilled, reading it finishes the tally.</summary>
    public long Exact
    {
        get
        {
            Settle();
            return _exact;
        }
    }

    /// <summary>Records with an earlier one's target and numbers in another order (and no exact earlier copy), counted so far; once the tally has spilled, reading it finishes the tally.</summary>
    public long Reordered
    {
        get
        {
            Settle();
            return _reordered;
        }
    }

    /// <summary>Closes, and so frees, the bucket files.</summary>
    public void Dispose()
    {
        if (_buckets is null) return;
        foreach (var bucket in _buckets) bucket.Dispose();
    }

    /// <summary>Adds a task; it is counted as a duplicate of any earlier one.</summary>
    /// <exception cref="InvalidOperationException">The tally spilled and its counts were already read.</exception>
    /// <exception cref="Tasks.OutputException">A bucket file cannot be written (e.g. the disk is full).</exception>
    public void Add(long target, long[] nums)
    {
        if (_finished) throw new InvalidOperationException("The tally's counts were read after it spilled to disk; it takes no more tasks.");
        if (!CompactTaskKey.TryPack(target, nums, out var exact))
        {
            if (!_otherExact.Add(target, nums)) _exact++;
            else if (!_otherMultisets.Add(target, nums)) _reordered++;
            return;
        }

        CompactTaskKey.TryPackMultiset(target, nums, out var multiset); // fits: the same values as the exact key
        AddPacked(exact, multiset);
    }

    private void Flush()
    {
        if (_pending == 0) return;
        if (_buckets is null && _count + _pending > _memoryLimit) Spill();
        if (_buckets is { } buckets)
        {
            for (var k = 0; k < _pending; k++) buckets[Bucket(_pendingMultiset[k])].Write(new UInt128(_pendingExact[k], _pendingMultiset[k]));
            _pending = 0;
            return;
        }
        while ((_count + _pending) * 10L > (_slots.Length / 2) * 7L) Resize();

        // Load every walk's first slot before any walk starts: the misses are independent, so they overlap.
        var slots = _slots;
        var mask = slots.Length / 2 - 1;
        var touched = 0UL;
        for (var k = 0; k < _pending; k++)
        {
            var slot = Home(_pendingMultiset[k], mask);
            _pendingSlot[k] = slot;
            touched ^= slots[2 * slot];
        }
        _touched ^= touched;

        for (var k = 0; k < _pending; k++)
        {
            switch (Insert(slots, _pendingSlot[k], mask, _pendingExact[k], _pendingMultiset[k]))
            {
                case Found.Exact: _exact++; break;
                case Found.Reordered: _reordered++; _count++; break;
                default: _count++; break;
            }
        }
        _pending = 0;
    }

    private enum Found { None, Exact, Reordered }

    private static Found Insert(ulong[] slots, int slot, int mask, ulong exact, ulong multiset)
    {
        var reordered = false;
        while (true)
        {
            var found = slots[2 * slot];
            if (found == Empty)
            {
                slots[2 * slot] = exact;
                slots[2 * slot + 1] = multiset;
                return reordered ? Found.Reordered : Found.None;
            }
            if (found == exact) return Found.Exact;
            reordered |= slots[2 * slot + 1] == multiset;
            slot = (slot + 1) & mask;
        }
    }

    private void Resize()
    {
        var bigger = NewSlots(_slots.Length * 2);
        var mask = bigger.Length / 2 - 1;
        for (var i = 0; i < _slots.Length; i += 2)
        {
            if (_slots[i] != Empty) Insert(bigger, Home(_slots[i + 1], mask), mask, _slots[i], _slots[i + 1]);
        }
        _slots = bigger;
    }

    private void Spill()
    {
        var buckets = SpillBucket.CreateMany(BucketCount, _spillDirectory);
        for (var i = 0; i < _slots.Length; i += 2)
        {
            if (_slots[i] != Empty) buckets[Bucket(_slots[i + 1])].Write(new UInt128(_slots[i], _slots[i + 1]));
        }
        _buckets = buckets;
        _slots = NewSlots(2);
        _count = 0;
        _reordered = 0;
    }

    // Finishes a spilled tally: each bucket's pairs are tallied in a table of their own (no task is in two buckets).
    private void Settle()
    {
        Flush();
        if (_buckets is null || _finished) return;
        _finished = true;
        foreach (var bucket in _buckets)
        {
            var part = new DuplicateTally(int.MaxValue, _spillDirectory);
            bucket.Drain(pair => part.AddPacked((ulong)(pair >> 64), (ulong)pair));
            _exact += part.Exact;
            _reordered += part.Reordered;
            bucket.Dispose();
        }
    }

    private void AddPacked(ulong exact, ulong multiset)
    {
        _pendingExact[_pending] = exact;
        _pendingMultiset[_pending] = multiset;
        if (++_pending == Pending) Flush();
    }

    // The top bits, while a table uses the low bits of the same mix: a bucket's pairs still spread over its table.
    private static int Bucket(ulong multiset) => (int)(SplitMix64.Mix(multiset) >> 58);

    private static int Home(ulong multiset, int mask) => (int)(SplitMix64.Mix(multiset) & (ulong)mask);

    private static ulong[] NewSlots(int length)
    {
        var slots = GC.AllocateUninitializedArray<ulong>(length);
        slots.AsSpan().Fill(Empty);
        return slots;
    }

    /// <summary>Keeps the warm-up loads observable, so the compiler cannot drop them.</summary>
    internal ulong Touched => _touched;
}
