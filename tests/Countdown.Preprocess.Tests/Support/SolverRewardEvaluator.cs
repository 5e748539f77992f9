using System.Numerics;
using System.Text.RegularExpressions;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>
/// An independent re-implementation of TinyZero's countdown reward check for one equation: the numbers read with
/// <c>\d+</c> must be the task's multiset, the text must match <c>^[\d+\-*/().\s]+$</c>, and the value must equal
/// the target. Evaluates both exactly and as Python does (ints exact, <c>/</c> gives a float), for the 1e-5 check.
/// </summary>
internal static partial class SolverRewardEvaluator
{
    /// <summary>Whether the reward scores <paramref name="equation"/> 1.0 for the task, by exact and by Python-float evaluation.</summary>
    public static bool Scores(string equation, long[] nums, long target)
    {
        var read = NumberPattern().Matches(equation).Select(m => long.Parse(m.Value)).Order().ToArray();
        if (!read.SequenceEqual(nums.Order())) return false;
        if (!AllowedPattern().IsMatch(equation)) return false;

        var exact = new Parser(equation).ParseExact();
        var python = new Parser(equation).ParsePython();
        return exact.Equals(target) && Math.Abs(python - target) < 1e-5;
    }

    /// <summary>The exact value of an equation made of integers, <c>+ - * /</c> and parentheses.</summary>
    public static SolverExactFraction Evaluate(string equation) => new Parser(equation).ParseExact();

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[\d+\-*/().\s]+$")]
    private static partial Regex AllowedPattern();

    // expression := term (('+'|'-') term)* ; term := factor (('*'|'/') factor)* ; factor := '-' factor | number | '(' expression ')'
    private sealed class Parser(string text)
    {
        private int _at;

        public SolverExactFraction ParseExact()
        {
            var value = Expression(Exact.Instance);
            Expect(end: true);
            return value;
        }

        public double ParsePython()
        {
            var value = Expression(Python.Instance);
            Expect(end: true);
            return value.AsDouble;
        }

        private T Expression<T>(IArithmetic<T> math)
        {
            var value = Term(math);
            while (Peek() is '+' or '-')
            {
                var op = text[_at++];
                var right = Term(math);
                value = op == '+' ? math.Add(value, right) : math.Subtract(value, right);
            }

            return value;
        }

        private T Term<T>(IArithmetic<T> math)
        {
            var value = Factor(math);
            while (Peek() is '*' or '/')
            {
                var op = text[_at++];
                var right = Factor(math);
                value = op == '*' ? math.Multiply(value, right) : math.Divide(value, right);
            }

            return value;
        }

        private T Factor<T>(IArithmetic<T> math)
        {
            var c = Peek();
            if (c == '-')
            {
                _at++;
                return math.Negate(Factor(math));
            }

            if (c == '(')
            {
                _at++;
                var inner = Expression(math);
                if (Peek() != ')') throw new FormatException($"Expected ')' at {_at} in '{text}'.");
                _at++;
                return inner;
            }

            var start = _at;
            while (_at < text.Length && char.IsAsciiDigit(text[_at])) _at++;
            if (start == _at) throw new FormatException($"Expected a number at {_at} in '{text}'.");
            return math.Number(BigInteger.Parse(text.AsSpan(start, _at - start)));
        }

        private char? Peek()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
            return _at < text.Length ? text[_at] : null;
        }

        private void Expect(bool end)
        {
            if (end && Peek() is not null) throw new FormatException($"Unexpected '{text[_at]}' at {_at} in '{text}'.");
        }
    }

    private interface IArithmetic<T>
    {
        T Number(BigInteger value);

        T Add(T a, T b);

        T Subtract(T a, T b);

        T Multiply(T a, T b);

        T Divide(T a, T b);

        T Negate(T a);
    }

    private sealed class Exact : IArithmetic<SolverExactFraction>
    {
        public static Exact Instance { get; } = new();

        public SolverExactFraction Number(BigInteger value) => SolverExactFraction.Of(value);

        public SolverExactFraction Add(SolverExactFraction a, SolverExactFraction b) => a + b;

        public SolverExactFraction Subtract(SolverExactFraction a, SolverExactFraction b) => a - b;

        public SolverExactFraction Multiply(SolverExactFraction a, SolverExactFraction b) => a * b;

        public SolverExactFraction Divide(SolverExactFraction a, SolverExactFraction b) => a / b;

        public SolverExactFraction Negate(SolverExactFraction a) => SolverExactFraction.Of(0) - a;
    }

    // Python semantics: int op int stays an exact int except '/', which gives a float; anything with a float is a float.
    private readonly record struct PyValue(BigInteger? Int, double Float)
    {
        public double AsDouble => Int is { } i ? (double)i : Float;
    }

    private sealed class Python : IArithmetic<PyValue>
    {
        public static Python Instance { get; } = new();

        public PyValue Number(BigInteger value) => new(value, 0);

        public PyValue Add(PyValue a, PyValue b) => a.Int is { } x && b.Int is { } y ? new(x + y, 0) : new(null, a.AsDouble + b.AsDouble);

        public PyValue Subtract(PyValue a, PyValue b) => a.Int is { } x && b.Int is { } y ? new(x - y, 0) : new(null, a.AsDouble - b.AsDouble);

        public PyValue Multiply(PyValue a, PyValue b) => a.Int is { } x && b.Int is { } y ? new(x * y, 0) : new(null, a.AsDouble * b.AsDouble);

        public PyValue Divide(PyValue a, PyValue b)
        {
            if (b.AsDouble == 0) throw new DivideByZeroException();
            return new(null, a.AsDouble / b.AsDouble);
        }

        public PyValue Negate(PyValue a) => a.Int is { } x ? new(-x, 0) : new(null, -a.Float);
    }
}
