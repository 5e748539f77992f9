namespace Countdown.Preprocess.Quality;

/// <summary>
/// A shuffle that is the same for a seed on every machine and .NET version: Fisher–Yates driven by
/// <see cref="SplitMix64"/>.
/// </summary>
/// <remarks>
/// The algorithm, as a contract: start a <see cref="SplitMix64"/> with state <c>seed</c>; for <c>i</c> from
/// <c>n − 1</c> down to 1, draw <c>j = NextBelow(i + 1)</c> and swap items <c>i</c> and <c>j</c>.
/// </remarks>
public static class SeededShuffle
{
    /// <summary>Shuffles <paramref name="items"/> in place.</summary>
    public static void Shuffle<T>(IList<T> items, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(items);
        var random = new SplitMix64(seed);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = (int)random.NextBelow((ulong)i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Shuffles <paramref name="items"/> in place; the same order as the <see cref="IList{T}"/> overload.</summary>
    public static void Shuffle<T>(Span<T> items, ulong seed)
    {
        var random = new SplitMix64(seed);
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)random.NextBelow((ulong)i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Shuffles items stored elsewhere (such as a packed task store) in place; the same order as the other overloads.</summary>
    internal static void Shuffle<TItems>(TItems items, ulong seed) where TItems : IIndexSwap
    {
        ArgumentNullException.ThrowIfNull(items);
        var random = new SplitMix64(seed);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = (int)random.NextBelow((ulong)i + 1);
            items.Swap(i, j);
        }
    }

    /// <summary>The shuffled order of <c>0 .. count − 1</c>: item <c>k</c> of a shuffled list is original item <c>result[k]</c>.</summary>
    public static int[] Permutation(int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        Shuffle(order.AsSpan(), seed);
        return order;
    }
}
