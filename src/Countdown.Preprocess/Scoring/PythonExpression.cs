using System.Numerics;

namespace Countdown.Preprocess.Scoring;

/// <summary>Reads an answer as CPython's tokenizer and parser read it (for the characters TinyZero lets through) into reverse
/// Polish order, so it can be evaluated in Python's order without <c>eval</c> and without recursion.</summary>
/// <remarks>Accepts exactly what Python 3.9+ compiles: numbers without leading zeros (<c>00</c>, <c>01.5</c> and <c>.5</c> are fine),
/// <c>...</c>, <c>()</c>, unary signs, calls such as <c>2(3)</c> and <c>2(*3)</c>, newlines only inside parentheses, at most
/// 200 nested parentheses. The same algorithm is in <c>countdown_reward.py</c>.</remarks>
internal static partial class PythonExpression
{
    /// <summary>Parentheses open at once beyond which CPython's tokenizer reports "too many nested parentheses".</summary>
    public const int ParenthesesLimit = 200;

    /// <summary>Operators nested in one another beyond which the answer is refused as too deep (CPython 3.10–3.12's compiler gives out near 3,000).</summary>
    public const int NestingLimit = 1000;

    [ThreadStatic] private static List<Pending>? t_operators;
    [ThreadStatic] private static List<int>? t_depths;

    /// <summary>Parses <paramref name="answer"/> into <paramref name="program"/>; <see cref="ScoreReason.Ok"/>,
    /// <see cref="ScoreReason.Unparsable"/> or <see cref="ScoreReason.TooLarge"/>.</summary>
    public static ScoreReason Parse(ReadOnlySpan<char> answer, List<PyInstruction> program)
    {
        program.Clear();
        var operators = t_operators ??= [];
        operators.Clear();
        var level = 0;
        var expectOperand = true;
        var previousWasOpen = false;
        var i = 0;
        while (i < answer.Length)
        {
            var c = answer[i];
            if (c is ' ' or '\t' or '\f') { i++; continue; }
            if (c is '\n' or '\r')
            {
                if (level == 0) return ScoreReason.Unparsable;
                i++;
                continue;
            }
            var start = i;
            var token = Scan(answer, ref i);
            if (token == Token.Invalid) return ScoreReason.Unparsable;
            if (token == Token.Open)
            {
                if (level >= ParenthesesLimit) return ScoreReason.Unparsable;
                level++;
            }
            else if (token == Token.Close)
            {
                if (level == 0) return ScoreReason.Unparsable;
                level--;
            }

            if (expectOperand)
            {
                switch (token)
                {
                    case Token.Number:
                        if (HasLeadingZeros(answer[start..i])) return ScoreReason.Unparsable;
                        program.Add(Literal(answer[start..i]));
                        expectOperand = false;
                        break;
                    case Token.Ellipsis:
                        program.Add(new PyInstruction(PyOp.PushEllipsis));
                        expectOperand = false;
                        break;
                    case Token.Plus:
                        operators.Add(Pending.Plus);
                        break;
                    case Token.Minus:
                        operators.Add(Pending.Negate);
                        break;
                    case Token.Open:
                        operators.Add(Pending.Group);
                        break;
                    case Token.Close when previousWasOpen:
                        var opener = operators[^1];
                        operators.RemoveAt(operators.Count - 1);
                        program.Add(opener == Pending.Group ? new PyInstruction(PyOp.PushEmptyTuple) : new PyInstruction(PyOp.Call, Int: 0));
                        expectOperand = false;
                        break;
                    case Token.Star or Token.DoubleStar when previousWasOpen && operators[^1] == Pending.CallOpen:
                        operators.Add(Pending.Unpack);
                        break;
                    default:
                        return ScoreReason.Unparsable;
                }
            }
            else
            {
                switch (token)
                {
                    case Token.Plus or Token.Minus or Token.Star or Token.Slash or Token.DoubleSlash or Token.DoubleStar:
                        var incoming = Binary(token);
                        var precedence = Precedence(incoming);
                        while (operators.Count > 0)
                        {
                            var top = Precedence(operators[^1]);
                            if (top > precedence || (top == precedence && incoming != Pending.Power))
                            {
                                program.Add(new PyInstruction(ToOp(operators[^1])));
                                operators.RemoveAt(operators.Count - 1);
                            }
                            else break;
                        }
                        operators.Add(incoming);
                        expectOperand = true;
                        break;
                    case Token.Close:
                        while (operators[^1] is not (Pending.Group or Pending.CallOpen))
                        {
                            program.Add(new PyInstruction(ToOp(operators[^1])));
                            operators.RemoveAt(operators.Count - 1);
                        }
                        var closed = operators[^1];
                        operators.RemoveAt(operators.Count - 1);
                        if (closed == Pending.CallOpen) program.Add(new PyInstruction(PyOp.Call, Int: 1));
                        break;
                    case Token.Open:
                        operators.Add(Pending.CallOpen);
                        expectOperand = true;
                        break;
                    default:
                        return ScoreReason.Unparsable;
                }
            }
            previousWasOpen = token == Token.Open;
        }
        if (expectOperand || level != 0) return ScoreReason.Unparsable;
        for (var k = operators.Count - 1; k >= 0; k--) program.Add(new PyInstruction(ToOp(operators[k])));
        return Depth(program) > NestingLimit ? ScoreReason.TooLarge : ScoreReason.Ok;
    }

    /// <summary>How many operators and calls nest on the deepest path of the expression tree (CPython's compiler recurses as deep).</summary>
    private static int Depth(List<PyInstruction> program)
    {
        var depths = t_depths ??= [];
        depths.Clear();
        var deepest = 0;
        foreach (var step in program)
        {
            int depth;
            switch (step.Op)
            {
                case PyOp.PushInt or PyOp.PushFloat or PyOp.PushEmptyTuple or PyOp.PushEllipsis:
                    depth = 0;
                    break;
                case PyOp.Negate or PyOp.Plus or PyOp.Unpack:
                    depth = depths[^1] + 1;
                    depths.RemoveAt(depths.Count - 1);
                    break;
                case PyOp.Call when step.Int.IsZero:
                    depth = depths[^1] + 1;
                    depths.RemoveAt(depths.Count - 1);
                    break;
                default:
                    depth = Math.Max(depths[^1], depths[^2]) + 1;
                    depths.RemoveRange(depths.Count - 2, 2);
                    break;
            }
            depths.Add(depth);
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }
}
