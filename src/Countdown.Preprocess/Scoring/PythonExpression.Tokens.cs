using System.Globalization;
using System.Numerics;

namespace Countdown.Preprocess.Scoring;

internal static partial class PythonExpression
{
    private enum Token : byte { Invalid, Number, Ellipsis, Plus, Minus, Star, DoubleStar, Slash, DoubleSlash, Open, Close }

    private enum Pending : byte { Group, CallOpen, Unpack, Negate, Plus, Add, Subtract, Multiply, Divide, FloorDivide, Power }

    /// <summary>Reads the token at <paramref name="i"/> as CPython's tokenizer would and moves past it.</summary>
    private static Token Scan(ReadOnlySpan<char> text, ref int i)
    {
        var c = text[i];
        if (c is >= '0' and <= '9')
        {
            i = SkipDigits(text, i);
            if (i < text.Length && text[i] == '.') i = SkipDigits(text, i + 1);
            return Token.Number;
        }
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '.' when next is >= '0' and <= '9':
                i = SkipDigits(text, i + 1);
                return Token.Number;
            case '.' when next == '.' && i + 2 < text.Length && text[i + 2] == '.':
                i += 3;
                return Token.Ellipsis;
            case '*' when next == '*':
                i += 2;
                return Token.DoubleStar;
            case '/' when next == '/':
                i += 2;
                return Token.DoubleSlash;
            case '+': i++; return Token.Plus;
            case '-': i++; return Token.Minus;
            case '*': i++; return Token.Star;
            case '/': i++; return Token.Slash;
            case '(': i++; return Token.Open;
            case ')': i++; return Token.Close;
            default: return Token.Invalid;
        }
    }

    private static int SkipDigits(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is >= '0' and <= '9') i++;
        return i;
    }

    /// <summary>Whether a number token is an int with leading zeros (<c>07</c>), which Python 3 refuses; <c>00</c> and <c>07.5</c> are fine.</summary>
    private static bool HasLeadingZeros(ReadOnlySpan<char> token)
        => token.Length > 1 && token[0] == '0' && !token.Contains('.') && token.ContainsAnyExcept('0');

    /// <summary>The literal of a number token: an int or a float.</summary>
    private static PyInstruction Literal(ReadOnlySpan<char> token)
    {
        if (token.Contains('.'))
            return new PyInstruction(PyOp.PushFloat, Float: double.Parse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        return new PyInstruction(PyOp.PushInt, long.TryParse(token, out var small) ? small : BigInteger.Parse(token, CultureInfo.InvariantCulture));
    }

    private static Pending Binary(Token token) => token switch
    {
        Token.Plus => Pending.Add,
        Token.Minus => Pending.Subtract,
        Token.Star => Pending.Multiply,
        Token.Slash => Pending.Divide,
        Token.DoubleSlash => Pending.FloorDivide,
        _ => Pending.Power,
    };

    /// <summary>Binding power: <c>**</c> 4 (right-associative), unary signs 3, <c>* / //</c> 2, <c>+ -</c> 1; brackets and
    /// unpacking are never popped by an operator.</summary>
    private static int Precedence(Pending pending) => pending switch
    {
        Pending.Power => 4,
        Pending.Negate or Pending.Plus => 3,
        Pending.Multiply or Pending.Divide or Pending.FloorDivide => 2,
        Pending.Add or Pending.Subtract => 1,
        _ => -1,
    };

    private static PyOp ToOp(Pending pending) => pending switch
    {
        Pending.Negate => PyOp.Negate,
        Pending.Plus => PyOp.Plus,
        Pending.Add => PyOp.Add,
        Pending.Subtract => PyOp.Subtract,
        Pending.Multiply => PyOp.Multiply,
        Pending.Divide => PyOp.Divide,
        Pending.FloorDivide => PyOp.FloorDivide,
        Pending.Power => PyOp.Power,
        Pending.Unpack => PyOp.Unpack,
        _ => throw new InvalidOperationException($"'{pending}' is not an operator."),
    };
}
