namespace Countdown.Preprocess.Scoring;

/// <summary>Finds the answer in a model's output: the text of the last <c>&lt;answer&gt;…&lt;/answer&gt;</c> pair, stripped.</summary>
/// <remarks>
/// Pairs are matched as the regular expression <c>&lt;answer&gt;(.*?)&lt;/answer&gt;</c> with <c>re.DOTALL</c> matches them
/// (left to right, each closing at the first <c>&lt;/answer&gt;</c>), in linear time on any input.
/// </remarks>
public static class AnswerExtractor
{
    private const string Open = "<answer>";
    private const string Close = "</answer>";

    /// <summary>The answer in a response (as today's veRL passes it), or <see langword="null"/> when there is none.</summary>
    public static string? FromResponse(string response)
        => TryFindLast(response, out var answer) ? response[answer].Trim(PythonWhitespace) : null;

    /// <summary>The answer as TinyZero extracts it from prompt + response: after the first <c>Assistant:</c>
    /// (else the first <c>&lt;|im_start|&gt;assistant</c>), on the last line only; <see langword="null"/> when there is none.</summary>
    public static string? FromTinyZeroLog(string log)
        => TryFindTinyZero(log, out var answer) ? log[answer].Trim(PythonWhitespace) : null;

    /// <summary>Finds the range of the last answer's text (unstripped) in <paramref name="text"/>.</summary>
    internal static bool TryFindLast(ReadOnlySpan<char> text, out Range answer)
    {
        answer = default;
        var found = false;
        var position = 0;
        while (true)
        {
            var start = text[position..].IndexOf(Open, StringComparison.Ordinal);
            if (start < 0) break;
            start += position + Open.Length;
            var end = text[start..].IndexOf(Close, StringComparison.Ordinal);
            if (end < 0) break;
            end += start;
            answer = start..end;
            found = true;
            position = end + Close.Length;
        }
        return found;
    }

    /// <summary>Finds the range of the answer TinyZero's <c>extract_solution</c> would take from <paramref name="log"/>.</summary>
    internal static bool TryFindTinyZero(ReadOnlySpan<char> log, out Range answer)
    {
        answer = default;
        var at = log.IndexOf("Assistant:", StringComparison.Ordinal);
        var skip = "Assistant:".Length;
        if (at < 0)
        {
            at = log.IndexOf("<|im_start|>assistant", StringComparison.Ordinal);
            skip = "<|im_start|>assistant".Length;
            if (at < 0) return false;
        }
        var lineStart = at + skip;
        var lastBreak = log[lineStart..].LastIndexOf('\n');
        if (lastBreak >= 0) lineStart += lastBreak + 1;
        if (!TryFindLast(log[lineStart..], out var inLine)) return false;
        var (offset, length) = inLine.GetOffsetAndLength(log.Length - lineStart);
        answer = (lineStart + offset)..(lineStart + offset + length);
        return true;
    }

    private static readonly char[] PythonWhitespace =
        Enumerable.Range(0, 0x3001).Select(c => (char)c).Where(PythonText.IsSpace).ToArray();
}
