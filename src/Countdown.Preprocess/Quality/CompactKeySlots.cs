namespace Countdown.Preprocess.Quality;

/// <summary>8-byte <see cref="CompactTaskKey"/>s in a <see cref="KeySet{TKey, TSlots}"/>: 11–23 bytes a key.</summary>
internal readonly struct CompactKeySlots : IKeySlots<ulong>
{
    /// <summary>Gets <see cref="ulong.MaxValue"/>: a compact key's count field is at most 6.</summary>
    public static ulong Empty => ulong.MaxValue;

    /// <inheritdoc/>
    public static ulong Hash(ulong key) => SplitMix64.Mix(key);
}
