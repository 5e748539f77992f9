using System.Text;

namespace Countdown.Preprocess.Scoring;

/// <summary>TinyZero's acceptance, step for step: the numbers read with <c>\d+</c> are the task's, only digits,
/// <c>+ - * / ( ) .</c> and whitespace, Python's evaluation, <c>abs(value - target) &lt; 1e-5</c>; without <c>eval</c>.</summary>
internal static class TinyZeroRule
{
    /// <summary>The most digits <c>int()</c> converts (CPython 3.11+ and its security releases raise ValueError beyond).</summary>
    public const int DigitsLimit = 4300;

    [ThreadStatic] private static List<long>? t_numbers;
    [ThreadStatic] private static List<PyInstruction>? t_program;
    [ThreadStatic] private static List<PyValue>? t_stack;

    /// <summary>Rates <paramref name="answer"/> (already stripped) against the task; <paramref name="sortedNumbers"/> is sorted.</summary>
    public static ScoreReason Evaluate(ReadOnlySpan<char> answer, ReadOnlySpan<long> sortedNumbers, long target)
    {
        if (!HasTaskNumbers(answer, sortedNumbers)) return ScoreReason.WrongNumbers;
        if (!HasAllowedCharacters(answer)) return ScoreReason.Unparsable;
        var program = t_program ??= [];
        var parsed = PythonExpression.Parse(answer, program);
        if (parsed != ScoreReason.Ok) return parsed;
        if (PythonText.CodePointCount(answer) > RewardScorer.AnswerLengthLimit) return ScoreReason.TooLong;
        var run = Run(program, out var value);
        return run != ScoreReason.Ok ? run : PythonArithmetic.CloseTo(value, target);
    }

    /// <summary>TinyZero's <c>validate_equation</c>: the runs of Unicode decimal digits, as ints, sorted, equal the sorted numbers.</summary>
    private static bool HasTaskNumbers(ReadOnlySpan<char> answer, ReadOnlySpan<long> sortedNumbers)
    {
        var found = t_numbers ??= [];
        found.Clear();
        var inRun = false;
        var runLength = 0;
        ulong value = 0;
        var fits = true;
        foreach (var rune in answer.EnumerateRunes())
        {
            if (PythonText.IsDecimalDigit(rune))
            {
                if (!inRun) { inRun = true; runLength = 0; value = 0; fits = true; }
                if (++runLength > DigitsLimit) return false;
                var digit = (ulong)PythonText.DigitValue(rune);
                if (value > (ulong.MaxValue - digit) / 10) fits = false;
                else value = value * 10 + digit;
                continue;
            }
            if (inRun && !AddRun(found, fits, value)) return false;
            inRun = false;
        }
        if (inRun && !AddRun(found, fits, value)) return false;
        if (found.Count != sortedNumbers.Length) return false;
        found.Sort();
        for (var i = 0; i < found.Count; i++)
            if (found[i] != sortedNumbers[i]) return false;
        return true;
    }

    // A run beyond long cannot equal any of the task's numbers.
    private static bool AddRun(List<long> found, bool fits, ulong value)
    {
        if (!fits || value > long.MaxValue) return false;
        found.Add((long)value);
        return true;
    }

    /// <summary>TinyZero's <c>^[\d+\-*/().\s]+$</c>, with Python's meaning of <c>\d</c> and <c>\s</c>.</summary>
    private static bool HasAllowedCharacters(ReadOnlySpan<char> answer)
    {
        if (answer.IsEmpty) return false;
        foreach (var rune in answer.EnumerateRunes())
        {
            if (rune.IsBmp && (PythonText.IsSpace((char)rune.Value) || "+-*/().".Contains((char)rune.Value))) continue;
            if (PythonText.IsDecimalDigit(rune)) continue;
            return false;
        }
        return true;
    }

    /// <summary>Evaluates the program in Python's order; the first error (or refusal) stops it, as Python's exception would.</summary>
    private static ScoreReason Run(List<PyInstruction> program, out PyValue value)
    {
        var stack = t_stack ??= [];
        stack.Clear();
        value = default;
        foreach (var step in program)
        {
            ScoreReason reason;
            PyValue result;
            switch (step.Op)
            {
                case PyOp.PushInt: stack.Add(PyValue.FromInt(step.Int)); continue;
                case PyOp.PushFloat: stack.Add(PyValue.FromFloat(step.Float)); continue;
                case PyOp.PushEmptyTuple: stack.Add(PyValue.EmptyTuple); continue;
                case PyOp.PushEllipsis: stack.Add(PyValue.Ellipsis); continue;
                case PyOp.Unpack: continue; // *x or **x in a call: the call below fails either way
                case PyOp.Call: return ScoreReason.EvalError; // numbers, () and ... are not callable
                case PyOp.Negate or PyOp.Plus:
                    reason = PythonArithmetic.Unary(step.Op, stack[^1], out result);
                    if (reason != ScoreReason.Ok) return reason;
                    stack[^1] = result;
                    continue;
                default:
                    reason = PythonArithmetic.Binary(step.Op, stack[^2], stack[^1], out result);
                    if (reason != ScoreReason.Ok) return reason;
                    stack.RemoveAt(stack.Count - 1);
                    stack[^1] = result;
                    continue;
            }
        }
        value = stack[0];
        return ScoreReason.Ok;
    }
}
