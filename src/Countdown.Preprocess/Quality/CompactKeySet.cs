namespace Countdown.Preprocess.Quality;

/// <summary>A hash set of <see cref="CompactTaskKey"/>s: open addressing with linear probing in one array of 8-byte slots.</summary>
/// <remarks>11–23 bytes a key (load 0.35–0.7, power-of-two capacity). <see cref="ulong.MaxValue"/> marks an empty slot.</remarks>
internal sealed class CompactKeySet
{
    private const ulong Empty = ulong.MaxValue;
    private ulong[] _slots = NewSlots(1024);

    /// <summary>How many keys the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="key"/>; false when it is already in the set.</summary>
    public bool Add(ulong key)
    {
        if (key == Empty) throw new ArgumentOutOfRangeException(nameof(key), "The all-ones value marks an empty slot.");
        if ((Count + 1) * 10L > _slots.Length * 7L) Resize();
        if (!Insert(_slots, key)) return false;
        Count++;
        return true;
    }

    private static bool Insert(ulong[] slots, ulong key)
    {
        var mask = slots.Length - 1;
        // Mixed first: keys differ in few low bits (small numbers), which alone would crowd a few runs of slots.
        var i = (int)(SplitMix64.Mix(key) & (ulong)mask);
        while (true)
        {
            var found = slots[i];
            if (found == Empty)
            {
                slots[i] = key;
                return true;
            }
            if (found == key) return false;
            i = (i + 1) & mask;
        }
    }

    private void Resize()
    {
        var bigger = NewSlots(_slots.Length * 2);
        foreach (var key in _slots)
        {
            if (key != Empty) Insert(bigger, key);
        }
        _slots = bigger;
    }

    private static ulong[] NewSlots(int length)
    {
        var slots = GC.AllocateUninitializedArray<ulong>(length);
        slots.AsSpan().Fill(Empty);
        return slots;
    }
}
