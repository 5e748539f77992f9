namespace Countdown.Preprocess.Scoring;

internal static partial class PythonArithmetic
{
    /// <summary>CPython's <c>float_pow</c>: its special cases, complex results for negative bases with fractional exponents,
    /// ZeroDivisionError for zero to a negative power, OverflowError for infinite results.</summary>
    private static ScoreReason FloatPower(double iv, double iw, out PyValue result)
    {
        result = default;
        if (iw == 0) return Float(1.0, out result);
        if (double.IsNaN(iv)) return Float(iv, out result);
        if (double.IsNaN(iw)) return Float(iv == 1.0 ? 1.0 : iw, out result);
        if (double.IsInfinity(iw))
        {
            iv = Math.Abs(iv);
            if (iv == 1.0) return Float(1.0, out result);
            return Float((iw > 0.0) == (iv > 1.0) ? Math.Abs(iw) : 0.0, out result);
        }
        if (double.IsInfinity(iv))
        {
            var odd = PythonFloat.IsOddInteger(iw);
            if (iw > 0.0) return Float(odd ? iv : Math.Abs(iv), out result);
            return Float(odd ? Math.CopySign(0.0, iv) : 0.0, out result);
        }
        if (iv == 0.0)
        {
            if (iw < 0.0) return ScoreReason.DivisionByZero;
            return Float(PythonFloat.IsOddInteger(iw) ? iv : 0.0, out result);
        }
        var negate = false;
        if (iv < 0.0)
        {
            if (iw != Math.Floor(iw)) return ComplexPower(new Complex(iv, 0.0), new Complex(iw, 0.0), out result);
            iv = -iv;
            negate = PythonFloat.IsOddInteger(iw);
        }
        if (iv == 1.0) return Float(negate ? -1.0 : 1.0, out result);
        var ix = Math.Pow(iv, iw);
        if (double.IsInfinity(ix)) return ScoreReason.EvalError;
        return Float(negate ? -ix : ix, out result);
    }

    private static ScoreReason Float(double value, out PyValue result)
    {
        result = PyValue.FromFloat(value);
        return ScoreReason.Ok;
    }
}
