using System.Runtime.CompilerServices;

namespace Countdown.Preprocess.Generating;

internal sealed partial class ExpressionDraw
{
    // 2^64 mod b: raw draws below it are rejected (SplitMix64.NextBelow); 0 for powers of two.
    private const ulong Threshold3 = unchecked(0UL - 3) % 3;
    private const ulong Threshold5 = unchecked(0UL - 5) % 5;
    private const ulong Threshold6 = unchecked(0UL - 6) % 6;

    /// <summary>
    /// One try under the reward rule: combine an ordered pair of pool positions with one of <c>+ - * /</c> (exact
    /// fractions) until one value is left; false when a division by zero ends the try or the value is not an integer
    /// in the target range. Pools of 3 and 4 numbers are unrolled, so every bound is a constant.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryRational(ref ulong state, int count, Span<long> num, Span<long> den, out long target)
    {
        target = 0;
        var combined = count switch
        {
            1 => true,
            3 => StepRational(ref state, 3, num, den) && StepRational(ref state, 2, num, den),
            4 => StepRational(ref state, 4, num, den) && StepRational(ref state, 3, num, den) && StepRational(ref state, 2, num, den),
            _ => StepsRational(ref state, count, num, den),
        };
        if (!combined) return false;

        long n = num[0], d = den[0], sign = d >> 63;
        (n, d) = ((n ^ sign) - sign, (d ^ sign) - sign); // d > 0
        // n/d in range, tested with products first (no overflow, see Validate), so most tries divide nothing.
        if ((n < _targetMin * d) | (n > _targetMax * d)) return false;
        if (d != 1 && !Divides(d, n)) return false;
        target = d == 1 ? n : n / d;
        return true;
    }

    /// <summary>One try under the integer rule: an unordered pair, larger with smaller; false when a division is not exact or the value misses the range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryInteger(ref ulong state, int count, Span<long> num, out long target)
    {
        var combined = count switch
        {
            1 => true,
            3 => StepInteger(ref state, 3, num) && StepInteger(ref state, 2, num),
            4 => StepInteger(ref state, 4, num) && StepInteger(ref state, 3, num) && StepInteger(ref state, 2, num),
            _ => StepsInteger(ref state, count, num),
        };
        target = num[0];
        return combined && target >= _targetMin && target <= _targetMax;
    }

    // Pools of other sizes: a loop, on a copy of the state, so the caller's state stays in a register.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StepsRational(ref ulong state, int count, Span<long> num, Span<long> den)
    {
        var (copy, combined) = StepsRational(state, count, num, den);
        state = copy;
        return combined;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ulong State, bool Combined) StepsRational(ulong state, int count, Span<long> num, Span<long> den)
    {
        for (var size = count; size > 1; size--)
        {
            if (!StepRational(ref state, size, num, den)) return (state, false);
        }
        return (state, true);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StepsInteger(ref ulong state, int count, Span<long> num)
    {
        var (copy, combined) = StepsInteger(state, count, num);
        state = copy;
        return combined;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ulong State, bool Combined) StepsInteger(ulong state, int count, Span<long> num)
    {
        for (var size = count; size > 1; size--)
        {
            if (!StepInteger(ref state, size, num)) return (state, false);
        }
        return (state, true);
    }

    /// <summary>
    /// One step under the reward rule: the result takes slot i, the last value takes slot j, and the pool shrinks by
    /// one; false on a division by zero.
    /// </summary>
    /// <remarks>
    /// Branch-free but for the rare division by zero: the operator is uniform, so a switch on it would be mispredicted
    /// three times in four. All five products are formed and the operator's bits pick among them with masks.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StepRational(ref ulong state, int size, Span<long> num, Span<long> den)
    {
        var (i, j) = OrderedPair(ref state, size);
        long an = num[i], ad = den[i], bn = num[j], bd = den[j];
        var op = (long)(Next(ref state) & 3); // 0 +, 1 -, 2 *, 3 /
        long low = op & 1, high = op >> 1;
        var divide = -(high & low);
        if (((ulong)bn | ~(ulong)divide) == 0) return false; // dividing by zero

        var negate = -low;
        var back = (((bn * ad) ^ negate) - negate) & (high - 1); // +b, −b, or nothing for * and /
        var multiply = -(high & (low ^ 1));
        var n = ((an * bn) & multiply) | ((an * bd + back) & ~multiply);
        var d = ((ad * bn) & divide) | ((ad * bd) & ~divide);

        num[i] = n;
        den[i] = d;
        num[j] = num[size - 1];
        den[j] = den[size - 1];
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StepInteger(ref ulong state, int size, Span<long> num)
    {
        var (i, j) = OrderedPair(ref state, size);
        long hi = Math.Max(num[i], num[j]), lo = Math.Min(num[i], num[j]), value;
        switch (Next(ref state) & 3)
        {
            case 0: value = hi + lo; break;
            case 1: value = hi - lo; break;
            case 2: value = hi * lo; break;
            default:
                if (lo == 0 || !Divides(lo, hi)) return false;
                value = hi / lo;
                break;
        }

        num[i] = value;
        num[j] = num[size - 1];
        return true;
    }

    /// <summary>Whether <paramref name="d"/> (positive) divides <paramref name="n"/>; a 32-bit division when both fit, several times cheaper than a 64-bit one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Divides(long d, long n)
    {
        var magnitude = (ulong)Math.Abs(n);
        return (magnitude | (ulong)d) <= uint.MaxValue ? (uint)magnitude % (uint)d == 0 : n % d == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int I, int J) OrderedPair(ref ulong state, int size)
    {
        var i = BelowSmall(ref state, size);
        var j = BelowSmall(ref state, size - 1);
        return (i, j - ((i - 1 - j) >> 31)); // j + 1 when j >= i, without a branch
    }

    /// <summary>A draw below a pool size (1–6), each bound a constant: a power of two masks, the others divide by multiplication.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int BelowSmall(ref ulong state, int bound)
    {
        ulong x;
        switch (bound)
        {
            case 1:
                Next(ref state);
                return 0;
            case 2:
                return (int)(Next(ref state) & 1);
            case 3:
                do x = Next(ref state); while (x < Threshold3);
                return (int)(x % 3);
            case 4:
                return (int)(Next(ref state) & 3);
            case 5:
                do x = Next(ref state); while (x < Threshold5);
                return (int)(x % 5);
            case 6:
                do x = Next(ref state); while (x < Threshold6);
                return (int)(x % 6);
            default:
                throw new ArgumentOutOfRangeException(nameof(bound), bound, "A pool holds 1 to 6 numbers.");
        }
    }
}
