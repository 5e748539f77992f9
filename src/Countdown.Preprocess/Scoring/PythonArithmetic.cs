using System.Numerics;

namespace Countdown.Preprocess.Scoring;

/// <summary>Python's <c>+ - * / // **</c> and unary signs on <see cref="PyValue"/>s, with the exceptions Python raises
/// reported as <see cref="ScoreReason"/>s, and integers refused beyond <see cref="IntBitsLimit"/> bits where Python would
/// work for minutes or run out of memory.</summary>
internal static partial class PythonArithmetic
{
    /// <summary>The largest integer, in bits, an evaluation may produce (2^131072 has 39,457 digits).</summary>
    public const int IntBitsLimit = 131072;

    private static readonly BigInteger IndexMin = long.MinValue;
    private static readonly BigInteger IndexMax = long.MaxValue;

    /// <summary>Applies a binary operator; <see cref="ScoreReason.Ok"/> or the error Python would raise.</summary>
    public static ScoreReason Binary(PyOp op, in PyValue left, in PyValue right, out PyValue result)
    {
        result = default;
        if (!left.IsNumber || !right.IsNumber) return Other(op, left, right, out result);
        if (left.Kind == PyKind.Int && right.Kind == PyKind.Int) return Integers(op, left.Int, right.Int, out result);
        if (left.Kind == PyKind.Complex || right.Kind == PyKind.Complex) return Complexes(op, left, right, out result);
        if (!TryToDouble(left, out var x) || !TryToDouble(right, out var y)) return ScoreReason.EvalError;
        switch (op)
        {
            case PyOp.Add: result = PyValue.FromFloat(x + y); return ScoreReason.Ok;
            case PyOp.Subtract: result = PyValue.FromFloat(x - y); return ScoreReason.Ok;
            case PyOp.Multiply: result = PyValue.FromFloat(x * y); return ScoreReason.Ok;
            case PyOp.Divide:
                if (y == 0) return ScoreReason.DivisionByZero;
                result = PyValue.FromFloat(x / y);
                return ScoreReason.Ok;
            case PyOp.FloorDivide:
                if (y == 0) return ScoreReason.DivisionByZero;
                result = PyValue.FromFloat(PythonFloat.FloorDivide(x, y));
                return ScoreReason.Ok;
            default:
                return FloatPower(x, y, out result);
        }
    }

    /// <summary>Applies unary minus or plus.</summary>
    public static ScoreReason Unary(PyOp op, in PyValue operand, out PyValue result)
    {
        result = operand;
        if (op == PyOp.Plus) return operand.IsNumber ? ScoreReason.Ok : ScoreReason.EvalError;
        switch (operand.Kind)
        {
            case PyKind.Int: result = PyValue.FromInt(-operand.Int); return ScoreReason.Ok;
            case PyKind.Float: result = PyValue.FromFloat(-operand.Real); return ScoreReason.Ok;
            case PyKind.Complex: result = PyValue.FromComplex(-operand.Real, -operand.Imag); return ScoreReason.Ok;
            default: return ScoreReason.EvalError;
        }
    }

    /// <summary>TinyZero's final test <c>abs(value - target) &lt; 1e-5</c>: <see cref="ScoreReason.Ok"/>,
    /// <see cref="ScoreReason.WrongValue"/> or <see cref="ScoreReason.EvalError"/>.</summary>
    public static ScoreReason CloseTo(in PyValue value, long target)
    {
        switch (value.Kind)
        {
            case PyKind.Int:
                return value.Int == target ? ScoreReason.Ok : ScoreReason.WrongValue;
            case PyKind.Float:
                return Math.Abs(value.Real - target) < 1e-5 ? ScoreReason.Ok : ScoreReason.WrongValue;
            case PyKind.Complex:
                if (!TryAbs(value.Real - target, value.Imag - 0.0, out var distance)) return ScoreReason.EvalError;
                return distance < 1e-5 ? ScoreReason.Ok : ScoreReason.WrongValue;
            default:
                return ScoreReason.EvalError;
        }
    }

    private static ScoreReason Integers(PyOp op, BigInteger a, BigInteger b, out PyValue result)
    {
        result = default;
        switch (op)
        {
            case PyOp.Add: return Checked(a + b, out result);
            case PyOp.Subtract: return Checked(a - b, out result);
            case PyOp.Multiply:
                if (!a.IsZero && !b.IsZero && BitLength(a) + BitLength(b) - 1 > IntBitsLimit) return ScoreReason.TooLarge;
                return Checked(a * b, out result);
            case PyOp.Divide:
                if (b.IsZero) return ScoreReason.DivisionByZero;
                if (!PythonFloat.TryTrueDivide(a, b, out var quotient)) return ScoreReason.EvalError;
                result = PyValue.FromFloat(quotient);
                return ScoreReason.Ok;
            case PyOp.FloorDivide:
                if (b.IsZero) return ScoreReason.DivisionByZero;
                var floor = BigInteger.DivRem(a, b, out var remainder);
                if (!remainder.IsZero && (remainder.Sign < 0) != (b.Sign < 0)) floor -= 1;
                result = PyValue.FromInt(floor);
                return ScoreReason.Ok;
            default:
                if (b.Sign >= 0) return IntegerPower(a, b, out result);
                // A negative exponent makes it float.__pow__ of both operands converted.
                if (!PythonFloat.TryFromInt(a, out var x) || !PythonFloat.TryFromInt(b, out var y)) return ScoreReason.EvalError;
                return FloatPower(x, y, out result);
        }
    }

    private static ScoreReason IntegerPower(BigInteger baseValue, BigInteger exponent, out PyValue result)
    {
        result = default;
        if (exponent.IsZero || baseValue.IsOne) { result = PyValue.FromInt(BigInteger.One); return ScoreReason.Ok; }
        if (baseValue.IsZero) { result = PyValue.FromInt(BigInteger.Zero); return ScoreReason.Ok; }
        if (baseValue == BigInteger.MinusOne) { result = PyValue.FromInt(exponent.IsEven ? 1 : -1); return ScoreReason.Ok; }
        // |base|^e has at least (bits(|base|) - 1)·e + 1 bits.
        if (exponent > IntBitsLimit || (BitLength(baseValue) - 1) * (long)exponent + 1 > IntBitsLimit) return ScoreReason.TooLarge;
        return Checked(BigInteger.Pow(baseValue, (int)exponent), out result);
    }

    private static ScoreReason Checked(BigInteger value, out PyValue result)
    {
        result = PyValue.FromInt(value);
        return BitLength(value) > IntBitsLimit ? ScoreReason.TooLarge : ScoreReason.Ok;
    }

    private static long BitLength(BigInteger value) => (long)BigInteger.Abs(value).GetBitLength();

    /// <summary>What Python allows on <c>()</c> and <c>...</c>: <c>() + ()</c> and <c>() * n</c> give <c>()</c>; all else raises.</summary>
    private static ScoreReason Other(PyOp op, in PyValue left, in PyValue right, out PyValue result)
    {
        result = PyValue.EmptyTuple;
        if (op == PyOp.Add && left.Kind == PyKind.EmptyTuple && right.Kind == PyKind.EmptyTuple) return ScoreReason.Ok;
        if (op == PyOp.Multiply)
        {
            var count = left.Kind == PyKind.EmptyTuple ? right : right.Kind == PyKind.EmptyTuple ? left : PyValue.Ellipsis;
            if (count.Kind == PyKind.Int && count.Int >= IndexMin && count.Int <= IndexMax) return ScoreReason.Ok;
        }
        return ScoreReason.EvalError;
    }

    private static bool TryToDouble(in PyValue value, out double result)
    {
        if (value.Kind == PyKind.Float)
        {
            result = value.Real;
            return true;
        }
        return PythonFloat.TryFromInt(value.Int, out result);
    }
}
