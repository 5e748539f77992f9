namespace Countdown.Preprocess.Quality;

/// <summary>A hash set of packed task keys: open addressing with linear probing in one array of 16-byte slots.</summary>
/// <remarks>
/// 23–46 bytes a key (load 0.35–0.7, power-of-two capacity), against about 72 for <c>HashSet&lt;UInt128&gt;</c>
/// (32-byte entries plus buckets, prime growth). <see cref="UInt128.MaxValue"/> marks an empty slot; a packed key
/// never equals it (its count field is at most 6).
/// </remarks>
internal sealed class PackedKeySet
{
    private static readonly UInt128 Empty = UInt128.MaxValue;
    private UInt128[] _slots = NewSlots(1024);

    /// <summary>How many keys the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="key"/>; false when it is already in the set.</summary>
    public bool Add(UInt128 key)
    {
        if (key == Empty) throw new ArgumentOutOfRangeException(nameof(key), "The all-ones value marks an empty slot.");
        if ((Count + 1) * 10L > _slots.Length * 7L) Resize();
        if (!Insert(_slots, key)) return false;
        Count++;
        return true;
    }

    private static bool Insert(UInt128[] slots, UInt128 key)
    {
        var mask = slots.Length - 1;
        var i = Slot(key, mask);
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

    // Both halves mixed: the old multiply-xor ignored the fourth number and the count, so four-number tasks sharing
    // three numbers and a target crowded the same runs of slots (44% of stats' time went probing).
    private static int Slot(UInt128 key, int mask)
        => (int)(SplitMix64.Mix((ulong)key ^ SplitMix64.Mix((ulong)(key >> 64))) & (ulong)mask);

    private static UInt128[] NewSlots(int length)
    {
        var slots = new UInt128[length];
        slots.AsSpan().Fill(Empty);
        return slots;
    }
}
