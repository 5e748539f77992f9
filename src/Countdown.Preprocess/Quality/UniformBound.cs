namespace Countdown.Preprocess.Quality;

/// <summary>
/// A bound for <see cref="SplitMix64.NextBelow(in UniformBound)"/> with its rejection threshold and a multiplier for
/// an exact remainder computed once, so a draw needs multiplications instead of two 64-bit divisions.
/// </summary>
/// <remarks>
/// The remainder is Lemire's exact <c>fastmod_u64</c> (Lemire, Kaser and Kurz, "Faster remainder by direct
/// computation", 2019): with <c>M = ⌊(2^128 − 1) / d⌋ + 1</c>, <c>a mod d</c> is the high 64 bits of
/// <c>((M · a) mod 2^128) · d</c> for every 64-bit <c>a</c> and <c>d</c>. Draws equal those of
/// <see cref="SplitMix64.NextBelow(ulong)"/> bit for bit; the generator's output depends on it.
/// </remarks>
public readonly struct UniformBound
{
    private readonly UInt128 _multiplier;

    /// <summary>Prepares draws in <c>[0, <paramref name="bound"/>)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is 0.</exception>
    public UniformBound(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        Bound = bound;
        Threshold = (0UL - bound) % bound;
        _multiplier = UInt128.MaxValue / bound + 1; // wraps to 0 for bound 1, whose remainders are all 0
    }

    /// <summary>The exclusive upper bound.</summary>
    public ulong Bound { get; }

    /// <summary><c>2^64 mod Bound</c>: raw draws below it are rejected so every remainder is equally likely.</summary>
    public ulong Threshold { get; }

    /// <summary><c><paramref name="value"/> mod Bound</c>, without a division.</summary>
    /// <remarks>
    /// Without BMI2 known at compile time (the Native AOT publish targets the x86-64 baseline), <see cref="Math.BigMul(ulong, ulong, out ulong)"/>
    /// takes a software fallback and the three 128-bit products cost more than one hardware division (generate of
    /// 1M tasks: 28% of its CPU was that fallback), so that build divides; both give the exact remainder.
    /// </remarks>
    public ulong Remainder(ulong value)
    {
        if (!System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported && !System.Runtime.Intrinsics.Arm.ArmBase.Arm64.IsSupported) return value % Bound;
        var low = _multiplier * value; // mod 2^128
        var bottom = Math.BigMul((ulong)low, Bound, out _);
        var top = Math.BigMul((ulong)(low >> 64), Bound, out var topLow);
        return top + (topLow + bottom < topLow ? 1UL : 0UL);
    }
}
