using System.Globalization;
using System.Text;

namespace Countdown.Preprocess.Tasks;

/// <summary>
/// Makes text that came from an input file or a server safe to quote in a one-line message: control characters
/// (terminal escape sequences, newlines, bidirectional overrides) are shown escaped, and long values are shortened.
/// </summary>
public static class MessageText
{
    /// <summary>The longest value quoted in full; longer ones keep their start and say how long they were.</summary>
    public const int MaxQuotedLength = 120;

    /// <summary><paramref name="value"/> with control characters escaped (<c>\e</c>, <c>\n</c>, <c>\u202e</c>, ...), cut to <see cref="MaxQuotedLength"/> characters.</summary>
    public static string Quote(string? value, int maxLength = MaxQuotedLength)
    {
        if (value is null) return "";
        var cut = value.Length > maxLength;
        var text = cut ? value[..maxLength] : value;
        if (!NeedsEscaping(text)) return cut ? $"{text}… ({value.Length} characters)" : text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\u001b': builder.Append("\\e"); break;
                default:
                    if (IsUnsafe(c)) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        if (cut) builder.Append("… (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        return builder.ToString();
    }

    /// <summary>A system or library message fit to sit in parentheses inside our one sentence: its first line, escaped, without a final full stop.</summary>
    public static string Clause(string? message)
    {
        var text = (message ?? "").Split('\n')[0].Trim().TrimEnd('.');
        return Quote(text, 300);
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
            if (IsUnsafe(c) || c is '\n' or '\r' or '\t')
                return true;
        return false;
    }

    // C0 and C1 controls, DEL, and the bidirectional controls that can reorder what a terminal shows.
    private static bool IsUnsafe(char c)
        => c < ' ' || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069'
           || c is '\u200e' or '\u200f' or '\u061c';
}
