namespace Countdown.Preprocess.Scoring;

internal static partial class PythonArithmetic
{
    /// <summary>A pair of doubles; CPython's <c>Py_complex</c>, whose arithmetic is replayed step by step below.</summary>
    private readonly record struct Complex(double Re, double Im);

    private static ScoreReason Complexes(PyOp op, in PyValue left, in PyValue right, out PyValue result)
    {
        result = default;
        // complex has no floor division: TypeError before any conversion.
        if (op == PyOp.FloorDivide) return ScoreReason.EvalError;
        if (!TryToComplex(left, out var a) || !TryToComplex(right, out var b)) return ScoreReason.EvalError;
        switch (op)
        {
            case PyOp.Add: return Done(new Complex(a.Re + b.Re, a.Im + b.Im), out result);
            case PyOp.Subtract: return Done(new Complex(a.Re - b.Re, a.Im - b.Im), out result);
            case PyOp.Multiply: return Done(Product(a, b), out result);
            case PyOp.Divide:
                var domainError = false;
                var quotient = Quotient(a, b, ref domainError);
                return domainError ? ScoreReason.DivisionByZero : Done(quotient, out result);
            default:
                return ComplexPower(a, b, out result);
        }
    }

    /// <summary>CPython's <c>complex_pow</c>: repeated multiplication for small integral exponents, polar form otherwise;
    /// EDOM becomes ZeroDivisionError, an infinite part OverflowError.</summary>
    private static ScoreReason ComplexPower(Complex a, Complex b, out PyValue result)
    {
        result = default;
        var domainError = false;
        var p = b.Im == 0.0 && b.Re == Math.Floor(b.Re) && Math.Abs(b.Re) <= 100.0
            ? IntegerPower(a, (long)b.Re, ref domainError)
            : Power(a, b, ref domainError);
        if (domainError) return ScoreReason.DivisionByZero;
        if (double.IsInfinity(p.Re) || double.IsInfinity(p.Im)) return ScoreReason.EvalError;
        return Done(p, out result);
    }

    private static Complex Product(Complex a, Complex b)
        => new(a.Re * b.Re - a.Im * b.Im, a.Re * b.Im + a.Im * b.Re);

    /// <summary>CPython's <c>_Py_c_quot</c> (Smith's algorithm).</summary>
    private static Complex Quotient(Complex a, Complex b, ref bool domainError)
    {
        var absRe = b.Re < 0 ? -b.Re : b.Re;
        var absIm = b.Im < 0 ? -b.Im : b.Im;
        if (absRe >= absIm)
        {
            if (absRe == 0.0)
            {
                domainError = true;
                return new Complex(0.0, 0.0);
            }
            var ratio = b.Im / b.Re;
            var denominator = b.Re + b.Im * ratio;
            return new Complex((a.Re + a.Im * ratio) / denominator, (a.Im - a.Re * ratio) / denominator);
        }
        if (absIm >= absRe)
        {
            var ratio = b.Re / b.Im;
            var denominator = b.Re * ratio + b.Im;
            return new Complex((a.Re * ratio + a.Im) / denominator, (a.Im * ratio - a.Re) / denominator);
        }
        return new Complex(double.NaN, double.NaN);
    }

    /// <summary>CPython's <c>_Py_c_pow</c>; glibc's <c>cos</c> and <c>sin</c> of an infinity set EDOM.</summary>
    private static Complex Power(Complex a, Complex b, ref bool domainError)
    {
        if (b.Re == 0.0 && b.Im == 0.0) return new Complex(1.0, 0.0);
        if (a.Re == 0.0 && a.Im == 0.0)
        {
            if (b.Im != 0.0 || b.Re < 0.0) domainError = true;
            return new Complex(0.0, 0.0);
        }
        var vabs = double.Hypot(a.Re, a.Im);
        var length = Math.Pow(vabs, b.Re);
        var angle = Math.Atan2(a.Im, a.Re);
        var phase = angle * b.Re;
        if (b.Im != 0.0)
        {
            length /= Math.Exp(angle * b.Im);
            phase += b.Im * Math.Log(vabs);
        }
        if (double.IsInfinity(phase)) domainError = true;
        return new Complex(length * Math.Cos(phase), length * Math.Sin(phase));
    }

    private static Complex IntegerPower(Complex x, long n, ref bool domainError)
        => n > 0 ? UnsignedPower(x, n) : Quotient(new Complex(1.0, 0.0), UnsignedPower(x, -n), ref domainError);

    private static Complex UnsignedPower(Complex x, long n)
    {
        var r = new Complex(1.0, 0.0);
        var p = x;
        for (long mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0) r = Product(r, p);
            p = Product(p, p);
        }
        return r;
    }

    /// <summary><c>abs()</c> of a complex as CPython's <c>_Py_c_abs</c>: false where it raises OverflowError.</summary>
    private static bool TryAbs(double re, double im, out double result)
    {
        if (double.IsInfinity(re)) { result = Math.Abs(re); return true; }
        if (double.IsInfinity(im)) { result = Math.Abs(im); return true; }
        if (double.IsNaN(re) || double.IsNaN(im)) { result = double.NaN; return true; }
        result = double.Hypot(re, im);
        return double.IsFinite(result);
    }

    private static bool TryToComplex(in PyValue value, out Complex result)
    {
        result = default;
        switch (value.Kind)
        {
            case PyKind.Complex: result = new Complex(value.Real, value.Imag); return true;
            case PyKind.Float: result = new Complex(value.Real, 0.0); return true;
            default:
                if (!PythonFloat.TryFromInt(value.Int, out var re)) return false;
                result = new Complex(re, 0.0);
                return true;
        }
    }

    private static ScoreReason Done(Complex value, out PyValue result)
    {
        result = PyValue.FromComplex(value.Re, value.Im);
        return ScoreReason.Ok;
    }
}
