namespace Countdown.Preprocess.Quality;

/// <summary>Items that <see cref="SeededShuffle"/> can shuffle where they are stored, by swapping two positions.</summary>
internal interface IIndexSwap
{
    /// <summary>How many items there are.</summary>
    int Count { get; }

    /// <summary>Swaps items <paramref name="i"/> and <paramref name="j"/>.</summary>
    void Swap(int i, int j);
}
