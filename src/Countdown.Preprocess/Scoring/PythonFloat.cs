using System.Numerics;

namespace Countdown.Preprocess.Scoring;

/// <summary>CPython's float semantics where .NET's differ: correctly rounded int conversion and true division,
/// <c>float.__pow__</c> and <c>float.__floordiv__</c> with their errors.</summary>
internal static class PythonFloat
{
    /// <summary><c>float(value)</c>: correctly rounded, half to even; false where Python raises OverflowError.</summary>
    public static bool TryFromInt(BigInteger value, out double result)
    {
        if (value >= -(1L << 53) && value <= 1L << 53)
        {
            result = (long)value;
            return true;
        }
        return TryRound(BigInteger.Abs(value), 0, sticky: false, negative: value.Sign < 0, out result);
    }

    /// <summary><c>a / b</c> for ints, correctly rounded as CPython's <c>long_true_divide</c>; <paramref name="b"/> is not zero.</summary>
    public static bool TryTrueDivide(BigInteger a, BigInteger b, out double result)
    {
        var limit = new BigInteger(1L << 53);
        if (BigInteger.Abs(a) <= limit && BigInteger.Abs(b) <= limit)
        {
            result = (double)(long)a / (long)b;
            return true;
        }
        var negative = (a.Sign < 0) != (b.Sign < 0);
        if (a.IsZero)
        {
            result = negative ? -0.0 : 0.0;
            return true;
        }
        var x = BigInteger.Abs(a);
        var y = BigInteger.Abs(b);
        // Shift so the integer quotient has at least 56 bits; the remainder becomes the sticky bit.
        var shift = 56 - ((long)x.GetBitLength() - (long)y.GetBitLength());
        var quotient = shift >= 0
            ? BigInteger.DivRem(x << (int)shift, y, out var remainder)
            : BigInteger.DivRem(x, y << (int)-shift, out remainder);
        return TryRound(quotient, -shift, sticky: !remainder.IsZero, negative, out result);
    }

    /// <summary>Rounds <c>mantissa · 2^exponent</c> (plus a bit less than one unit when <paramref name="sticky"/>) to the nearest
    /// double, half to even, subnormals included; false when the result overflows. With <paramref name="sticky"/> the mantissa
    /// must have more than 54 bits.</summary>
    private static bool TryRound(BigInteger mantissa, long exponent, bool sticky, bool negative, out double result)
    {
        var bits = (long)mantissa.GetBitLength();
        var top = bits - 1 + exponent;
        result = 0;
        if (top > 1023) return false;
        var keep = Math.Min(53, top + 1075);
        if (keep < 0)
        {
            result = negative ? -0.0 : 0.0;
            return true;
        }
        var drop = (int)(bits - keep);
        var kept = mantissa;
        if (drop > 0)
        {
            kept = mantissa >> drop;
            var rest = mantissa - (kept << drop);
            var half = BigInteger.One << (drop - 1);
            var comparison = rest.CompareTo(half);
            if (comparison > 0 || (comparison == 0 && (sticky || !kept.IsEven))) kept += 1;
        }
        else
        {
            drop = 0;
        }
        result = Math.ScaleB((double)(long)kept, (int)(exponent + drop));
        if (double.IsInfinity(result)) return false;
        if (negative) result = -result;
        return true;
    }

    /// <summary><c>v // w</c> for floats as CPython's <c>_float_div_mod</c> computes it; <paramref name="w"/> is not zero.</summary>
    public static double FloorDivide(double v, double w)
    {
        var mod = v % w; // fmod, exact
        var div = (v - mod) / w;
        if (mod != 0 && (w < 0) != (mod < 0)) div -= 1.0;
        if (div != 0)
        {
            var floor = Math.Floor(div);
            if (div - floor > 0.5) floor += 1.0;
            return floor;
        }
        return Math.CopySign(0.0, v / w);
    }

    /// <summary>Whether <paramref name="x"/> is an odd integer (CPython's <c>DOUBLE_IS_ODD_INTEGER</c>).</summary>
    public static bool IsOddInteger(double x) => Math.Abs(x) % 2.0 == 1.0;
}
