using System.Numerics;

namespace Countdown.Preprocess.Scoring;

/// <summary>The strict rule: integer literals, binary <c>+ - * /</c> and parentheses; the task's numbers each once; exact value.</summary>
internal static class StrictRule
{
    /// <summary>The most parentheses that may be open at once (CPython's own limit).</summary>
    public const int ParenthesesLimit = 200;

    [ThreadStatic] private static List<Item>? t_output;
    [ThreadStatic] private static List<char>? t_operators;
    [ThreadStatic] private static List<long>? t_literals;
    [ThreadStatic] private static List<(BigInteger Numerator, BigInteger Denominator)>? t_stack;

    private readonly record struct Item(char Operator, long Literal);

    /// <summary>Rates <paramref name="answer"/> (already stripped) against the task; <paramref name="sortedNumbers"/> is sorted.</summary>
    public static ScoreReason Evaluate(ReadOnlySpan<char> answer, ReadOnlySpan<long> sortedNumbers, long target)
    {
        var output = t_output ??= [];
        var operators = t_operators ??= [];
        var literals = t_literals ??= [];
        output.Clear();
        operators.Clear();
        literals.Clear();
        var literalsFit = true;
        var expectOperand = true;
        var depth = 0;
        for (var i = 0; i < answer.Length; i++)
        {
            var c = answer[i];
            if (c is >= '0' and <= '9')
            {
                var start = i;
                while (i + 1 < answer.Length && answer[i + 1] is >= '0' and <= '9') i++;
                var digits = answer[start..(i + 1)];
                if (!expectOperand || (c == '0' && digits.Length > 1)) return ScoreReason.Unparsable;
                // A literal beyond long cannot be one of the task's numbers; keep parsing for the syntax verdict.
                if (!long.TryParse(digits, out var value)) literalsFit = false;
                literals.Add(value);
                output.Add(new Item('\0', value));
                expectOperand = false;
            }
            else if (c == '(')
            {
                if (!expectOperand || ++depth > ParenthesesLimit) return ScoreReason.Unparsable;
                operators.Add(c);
            }
            else if (c == ')')
            {
                if (expectOperand) return ScoreReason.Unparsable;
                while (operators.Count > 0 && operators[^1] != '(') output.Add(new Item(Pop(operators), 0));
                if (operators.Count == 0) return ScoreReason.Unparsable;
                operators.RemoveAt(operators.Count - 1);
                depth--;
            }
            else if (c is '+' or '-' or '*' or '/')
            {
                if (expectOperand) return ScoreReason.Unparsable;
                var precedence = Precedence(c);
                while (operators.Count > 0 && operators[^1] != '(' && Precedence(operators[^1]) >= precedence)
                    output.Add(new Item(Pop(operators), 0));
                operators.Add(c);
                expectOperand = true;
            }
            else if (!PythonText.IsSpace(c))
            {
                return ScoreReason.Unparsable;
            }
        }
        if (expectOperand || depth != 0) return ScoreReason.Unparsable;
        while (operators.Count > 0) output.Add(new Item(Pop(operators), 0));

        if (!literalsFit || literals.Count != sortedNumbers.Length) return ScoreReason.WrongNumbers;
        literals.Sort();
        for (var i = 0; i < sortedNumbers.Length; i++)
            if (literals[i] != sortedNumbers[i]) return ScoreReason.WrongNumbers;

        return PythonText.CodePointCount(answer) > RewardScorer.AnswerLengthLimit ? ScoreReason.TooLong : Run(output, target);
    }

    private static ScoreReason Run(List<Item> program, long target)
    {
        // Exact rationals without normalising: sizes add up over a handful of literals, and equality is a cross product.
        var stack = t_stack ??= [];
        stack.Clear();
        foreach (var item in program)
        {
            if (item.Operator == '\0')
            {
                stack.Add((item.Literal, BigInteger.One));
                continue;
            }
            var (c, d) = stack[^1];
            var (a, b) = stack[^2];
            stack.RemoveAt(stack.Count - 1);
            switch (item.Operator)
            {
                case '+': stack[^1] = (a * d + c * b, b * d); break;
                case '-': stack[^1] = (a * d - c * b, b * d); break;
                case '*': stack[^1] = (a * c, b * d); break;
                default:
                    if (c.IsZero) return ScoreReason.DivisionByZero;
                    stack[^1] = (a * d, b * c);
                    break;
            }
        }
        var (numerator, denominator) = stack[0];
        return numerator == target * denominator ? ScoreReason.Ok : ScoreReason.WrongValue;
    }

    private static int Precedence(char op) => op is '+' or '-' ? 1 : 2;

    private static char Pop(List<char> operators)
    {
        var top = operators[^1];
        operators.RemoveAt(operators.Count - 1);
        return top;
    }
}
