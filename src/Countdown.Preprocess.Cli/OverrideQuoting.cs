namespace Countdown.Preprocess.Cli;

/// <summary>Quotes launch overrides so that a POSIX shell passes each one as one word and Hydra's override grammar reads the value back unchanged.</summary>
/// <remarks>
/// Hydra (<c>hydra/grammar/OverrideLexer.g4</c>): an unquoted value may hold letters, digits, <c>_</c> and <c>/-\+.%*@</c>
/// (<c>$</c> starts an interpolation; braces, brackets, commas, colons, quotes and spaces are syntax); a quoted value keeps
/// everything between its quotes except that a backslash escapes the quote and a backslash before it, and <c>${</c> is
/// still an interpolation (written <c>\${</c> to keep it as text).
/// </remarks>
internal static class OverrideQuoting
{
    /// <summary>One <c>key=value</c> override, quoted for Hydra and then for the shell when it needs to be.</summary>
    public static string Override(string key, string value) => ShellWord($"{key}={HydraValue(value)}");

    /// <summary>The value as Hydra reads it: as is when every character is allowed unquoted, else in double quotes.</summary>
    public static string HydraValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value.All(IsUnquotedChar) && !LooksLikeOtherType(value)) return value;
        return QuotedHydraValue(value);
    }

    /// <summary>A list override, <c>key=["a","b"]</c>, each element a quoted Hydra string, the whole quoted for the shell.</summary>
    public static string ListOverride(string key, IEnumerable<string> values)
        => ShellWord($"{key}=[{string.Join(',', values.Select(QuotedHydraValue))}]");

    /// <summary>The value in double quotes as Hydra reads a quoted string, escaped where it needs to be.</summary>
    public static string QuotedHydraValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new System.Text.StringBuilder(value.Length + 8).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                // Backslashes are literal unless a quote (or the closing quote) follows them: then each is doubled.
                var run = 1;
                while (i + run < value.Length && value[i + run] == '\\') run++;
                var beforeQuote = i + run == value.Length || value[i + run] == '"';
                text.Append('\\', beforeQuote ? run * 2 : run);
                i += run - 1;
            }
            else if (c == '"') text.Append("\\\"");
            else if (c == '$' && i + 1 < value.Length && value[i + 1] == '{') text.Append("\\$");
            else text.Append(c);
        }
        return text.Append('"').ToString();
    }

    /// <summary>The word as a POSIX shell reads it: as is when it holds no shell syntax, else in single quotes.</summary>
    public static string ShellWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-+./=:@%,".Contains(c))) return word;
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsUnquotedChar(char c) => char.IsAsciiLetterOrDigit(c) || "_/-\\+.%*@".Contains(c);

    /// <summary>Values Hydra would read as a number, boolean or null rather than a string.</summary>
    private static bool LooksLikeOtherType(string value)
        => char.IsAsciiDigit(value[0]) || value[0] is '+' or '-' or '.'
           || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase)
           || value.Equals("null", StringComparison.OrdinalIgnoreCase) || value.Equals("inf", StringComparison.OrdinalIgnoreCase)
           || value.Equals("nan", StringComparison.OrdinalIgnoreCase);
}
