using System.Diagnostics;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>Reads a printed launch line as a POSIX shell and then Hydra's override grammar would.</summary>
internal static class ShellAndHydra
{
    /// <summary>Splits <paramref name="line"/> into words with <c>/bin/sh</c> itself (<c>printf '%s\n' LINE</c>).</summary>
    public static async Task<string[]> ShellWordsAsync(string line)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "printf '%s\\n' " + line])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The value Hydra gives <paramref name="key"/> in the override <paramref name="word"/>: unquoted as is, or a quoted string unescaped.</summary>
    /// <remarks>Hydra's grammar: in a quoted value a backslash escapes the quote and the backslashes right before a quote; any other backslash is literal; <c>\${</c> is a literal <c>${</c>.</remarks>
    public static string HydraValue(string word, string key)
    {
        Assert.StartsWith(key + "=", word);
        var value = word[(key.Length + 1)..];
        if (value.Length == 0 || value[0] is not ('"' or '\''))
        {
            Assert.All(value, c => Assert.True(char.IsAsciiLetterOrDigit(c) || "_/-\\+.%*@".Contains(c), $"'{c}' is not allowed unquoted in {value}"));
            return value;
        }
        var quote = value[0];
        Assert.Equal(quote, value[^1]);
        var inner = value[1..^1];
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\')
            {
                var run = 1;
                while (i + run < inner.Length && inner[i + run] == '\\') run++;
                var atQuote = i + run == inner.Length || inner[i + run] == quote;
                if (atQuote)
                {
                    text.Append('\\', run / 2);
                    if (run % 2 == 1) { text.Append(quote); i++; }
                }
                else if (run == 1 && i + 2 < inner.Length && inner[i + 1] == '$' && inner[i + 2] == '{') { text.Append('$'); i++; }
                else text.Append('\\', run);
                i += run - 1;
                continue;
            }
            Assert.False(inner[i] == quote, $"unescaped quote in {value}");
            Assert.False(inner[i] == '$' && i + 1 < inner.Length && inner[i + 1] == '{', $"interpolation in {value}");
            text.Append(inner[i]);
        }
        return text.ToString();
    }
}
