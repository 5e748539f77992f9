using System.Globalization;
using System.Text;

namespace Countdown.Preprocess.Scoring;

/// <summary>Python's whitespace and decimal digits, which are not .NET's: <c>str.isspace</c> and <c>str.strip</c> include U+001C–U+001F.</summary>
internal static class PythonText
{
    /// <summary>Whether Python's <c>str.isspace</c> (and <c>re</c>'s <c>\s</c>) holds for <paramref name="c"/>.</summary>
    public static bool IsSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\x1c' and <= ' ' => true,
        '\x85' or '\xa0' or '\u1680' => true,
        >= '\u2000' and <= '\u200a' => true,
        '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        _ => false,
    };

    /// <summary>The text without leading and trailing whitespace, as Python's <c>str.strip()</c> leaves it.</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start])) start++;
        while (end > start && IsSpace(text[end - 1])) end--;
        return text[start..end];
    }

    /// <summary>Whether <paramref name="rune"/> is a Unicode decimal digit (category Nd), as Python's <c>\d</c> reads it.</summary>
    public static bool IsDecimalDigit(Rune rune)
        => rune.IsAscii ? (uint)(rune.Value - '0') <= 9 : Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber;

    /// <summary>Python's <c>len()</c> of the text: code points, so a surrogate pair counts once.</summary>
    public static int CodePointCount(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        foreach (var c in text)
            if (char.IsLowSurrogate(c)) count--;
        return count;
    }

    /// <summary>The value 0–9 of a decimal digit.</summary>
    public static int DigitValue(Rune rune) => rune.IsAscii ? rune.Value - '0' : (int)Rune.GetNumericValue(rune);
}
