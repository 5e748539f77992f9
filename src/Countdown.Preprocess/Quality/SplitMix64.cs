namespace Countdown.Preprocess.Quality;

/// <summary>
/// The SplitMix64 pseudo-random generator (Steele, Lea and Flood, 2014): a 64-bit state advanced by
/// 0x9E3779B97F4A7C15 and mixed into each output. Specified here bit for bit, so a seed gives the same numbers on
/// every machine and .NET version (unlike <see cref="System.Random"/>, whose algorithm is not a contract).
/// </summary>
public struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    /// <summary>Creates the generator with its state set to <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits: <c>state += 0x9E3779B97F4A7C15</c>, then <see cref="Mix"/> of the state.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>
    /// A uniform integer in <c>[0, bound)</c> without bias: draw <c>x</c> until <c>x ≥ 2^64 mod bound</c>, return <c>x mod bound</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is 0.</exception>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var x = Next();
            if (x >= threshold) return x % bound;
        }
    }

    /// <summary>The same draw as <see cref="NextBelow(ulong)"/> with the threshold and remainder of a prepared bound.</summary>
    public ulong NextBelow(in UniformBound bound)
    {
        while (true)
        {
            var x = Next();
            if (x >= bound.Threshold) return bound.Remainder(x);
        }
    }

    /// <summary>A uniform integer in <c>[min, max]</c> (both inclusive), drawn with <see cref="NextBelow(ulong)"/>.</summary>
    public long NextInRange(long min, long max)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(min, max);
        var span = (ulong)(max - min) + 1; // 0 when the range is all 2^64 values
        return span == 0 ? (long)Next() : min + (long)NextBelow(span);
    }

    /// <summary>SplitMix64's finalizer: <c>z ^= z &gt;&gt; 30; z *= 0xBF58476D1CE4E5B9; z ^= z &gt;&gt; 27; z *= 0x94D049BB133111EB; z ^= z &gt;&gt; 31</c>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
