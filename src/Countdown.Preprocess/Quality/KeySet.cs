namespace Countdown.Preprocess.Quality;

/// <summary>A hash set of packed task keys: open addressing with linear probing in one array of key-sized slots.</summary>
/// <remarks>Load 0.35–0.7 with a power-of-two capacity: 1.4–2.9 slots a key, no entry objects or buckets.</remarks>
/// <typeparam name="TKey">The packed key (8 or 16 bytes).</typeparam>
/// <typeparam name="TSlots">The key type's empty value and hash.</typeparam>
internal sealed class KeySet<TKey, TSlots>
    where TKey : unmanaged, IEquatable<TKey>
    where TSlots : IKeySlots<TKey>
{
    private TKey[] _slots = NewSlots(1024);

    /// <summary>How many keys the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="key"/>; false when it is already in the set.</summary>
    public bool Add(TKey key)
    {
        if (key.Equals(TSlots.Empty)) throw new ArgumentOutOfRangeException(nameof(key), "The all-ones value marks an empty slot.");
        if ((Count + 1) * 10L > _slots.Length * 7L) Resize();
        if (!Insert(_slots, key)) return false;
        Count++;
        return true;
    }

    private static bool Insert(TKey[] slots, TKey key)
    {
        var mask = slots.Length - 1;
        var i = (int)(TSlots.Hash(key) & (ulong)mask);
        while (true)
        {
            var found = slots[i];
            if (found.Equals(TSlots.Empty))
            {
                slots[i] = key;
                return true;
            }
            if (found.Equals(key)) return false;
            i = (i + 1) & mask;
        }
    }

    private void Resize()
    {
        var bigger = NewSlots(_slots.Length * 2);
        foreach (var key in _slots)
        {
            if (!key.Equals(TSlots.Empty)) Insert(bigger, key);
        }
        _slots = bigger;
    }

    private static TKey[] NewSlots(int length)
    {
        var slots = GC.AllocateUninitializedArray<TKey>(length);
        slots.AsSpan().Fill(TSlots.Empty);
        return slots;
    }
}
