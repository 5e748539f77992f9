namespace Countdown.Preprocess.Quality;

/// <summary>What <see cref="KeySet{TKey, TSlots}"/> needs of a packed key type: the value that marks an empty slot, and the hash that places a key.</summary>
/// <typeparam name="TKey">The packed key.</typeparam>
internal interface IKeySlots<TKey>
{
    /// <summary>Gets the value that marks an empty slot; no key of the type ever equals it.</summary>
    static abstract TKey Empty { get; }

    /// <summary>Mixes every bit of <paramref name="key"/>: keys differ in few low bits (small numbers), which alone would crowd a few runs of slots.</summary>
    static abstract ulong Hash(TKey key);
}
