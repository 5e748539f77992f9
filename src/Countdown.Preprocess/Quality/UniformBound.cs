using System.Numerics;
using System.Runtime.CompilerServices;

namespace Countdown.Preprocess.Quality;

/// <summary>
/// A bound for <see cref="SplitMix64.NextBelow(in UniformBound)"/> with its rejection threshold and a multiplier for
/// an exact remainder computed once, so a draw needs multiplications instead of a 64-bit division.
/// </summary>
/// <remarks>
/// The remainder is <c>a − d·⌊a / d⌋</c> with the quotient by Granlund and Montgomery's multiply-and-shift for any
/// 64-bit <c>a</c> and <c>d ≥ 1</c> ("Division by invariant integers using multiplication", 1994, theorem 4.2):
/// with <c>ℓ = ⌈log2 d⌉</c> and <c>m = ⌊2^64 · (2^ℓ − d) / d⌋ + 1</c>, <c>t = ⌊m · a / 2^64⌋</c> and
/// <c>⌊a / d⌋ = (t + ((a − t) &gt;&gt; min(ℓ, 1))) &gt;&gt; max(ℓ − 1, 0)</c>. One high product, where
/// Lemire's remainder needs three: the Native AOT build targets the x86-64 baseline, without BMI2's <c>mulx</c>,
/// and builds each 128-bit product from four 32-bit ones. Draws equal those of
/// <see cref="SplitMix64.NextBelow(ulong)"/> bit for bit; the generator's output depends on it.
/// </remarks>
public readonly struct UniformBound
{
    private readonly ulong _multiplier;
    private readonly byte _shift1, _shift2;

    /// <summary>Prepares draws in <c>[0, <paramref name="bound"/>)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is 0.</exception>
    public UniformBound(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        Bound = bound;
        Threshold = (0UL - bound) % bound;
        var log = bound == 1 ? 0 : 64 - BitOperations.LeadingZeroCount(bound - 1); // ⌈log2 bound⌉, at most 64
        _multiplier = (ulong)(((((UInt128)1 << log) - bound) << 64) / bound + 1);
        _shift1 = (byte)Math.Min(log, 1);
        _shift2 = (byte)Math.Max(log - 1, 0);
    }

    /// <summary>The exclusive upper bound.</summary>
    public ulong Bound { get; }

    /// <summary><c>2^64 mod Bound</c>: raw draws below it are rejected so every remainder is equally likely.</summary>
    public ulong Threshold { get; }

    /// <summary><c><paramref name="value"/> mod Bound</c>, without a division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Remainder(ulong value)
    {
        var t = MultiplyHigh(_multiplier, value);
        var quotient = (t + ((value - t) >> _shift1)) >> _shift2;
        return value - quotient * Bound;
    }

    /// <summary>The high 64 bits of the 128-bit product; four 32-bit products where <c>mulx</c> is not known to exist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MultiplyHigh(ulong a, ulong b)
    {
        if (System.Runtime.Intrinsics.X86.Bmi2.X64.IsSupported || System.Runtime.Intrinsics.Arm.ArmBase.Arm64.IsSupported)
            return Math.BigMul(a, b, out _);
        return MultiplyHighPortable(a, b);
    }

    /// <summary><see cref="MultiplyHigh"/> from four 32-bit products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MultiplyHighPortable(ulong a, ulong b)
    {
        ulong aLow = (uint)a, aHigh = a >> 32, bLow = (uint)b, bHigh = b >> 32;
        var lowLow = aLow * bLow;
        var highLow = aHigh * bLow;
        var middle = (lowLow >> 32) + (uint)highLow + aLow * bHigh; // at most 2^64 − 1: no carry is lost
        return aHigh * bHigh + (highLow >> 32) + (middle >> 32);
    }
}
