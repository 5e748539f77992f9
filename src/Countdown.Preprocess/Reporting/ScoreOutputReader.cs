using System.Text;
using System.Text.Json;
using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Reporting;

/// <summary>Reads the JSON lines the <c>score</c> command prints (<c>index</c>, <c>score</c>, <c>acc</c>, <c>formatted</c>, <c>flagged</c>, <c>reason</c>).</summary>
internal static class ScoreOutputReader
{
    private static readonly Dictionary<string, ScoreReason> ReasonsByText =
        Enum.GetValues<ScoreReason>().ToDictionary(r => r.ToText(), StringComparer.Ordinal);

    /// <summary>Whether the file's first non-blank line is a JSON object with <c>score</c>, <c>flagged</c> and <c>reason</c>.</summary>
    public static bool LooksLikeScoreOutput(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 4096 });
        var first = new char[4096];
        var length = reader.ReadBlock(first, 0, first.Length);
        var text = new string(first, 0, length).TrimStart();
        if (!text.StartsWith('{')) return false;
        var end = text.IndexOf('\n');
        var line = end < 0 ? text : text[..end];
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("reason", out _)
                && root.TryGetProperty("flagged", out _) && root.TryGetProperty("score", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads every line into totals, a reasons breakdown and the first flagged answers.</summary>
    /// <exception cref="TaskDataException">A line is not a score line; the exception names the line.</exception>
    public static async Task<ScoreProfile> ReadAsync(string path, int examples, CancellationToken cancellationToken)
    {
        var summary = new ScoreSummary.Builder();
        var reasons = new long[Enum.GetValues<ScoreReason>().Length];
        var flagged = new List<ScoreExample>();
        using var reader = new StreamReader(path, Encoding.UTF8, true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        var lineNumber = 0L;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var (index, result) = Parse(line, path, lineNumber);
            summary.Add(result);
            reasons[(int)result.Reason]++;
            if (result.IsFlagged && flagged.Count < examples) flagged.Add(new ScoreExample(index, result.Score, result.Reason));
        }

        var breakdown = reasons.Select((count, i) => KeyValuePair.Create((ScoreReason)i, count)).ToArray();
        return new ScoreProfile(summary.Build(), breakdown, flagged);
    }

    private static (long Index, ScoreResult Result) Parse(string line, string path, long lineNumber)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var row = json.RootElement;
            var reasonText = row.GetProperty("reason").GetString() ?? "";
            if (!ReasonsByText.TryGetValue(reasonText, out var reason))
                throw new TaskDataException($"Field 'reason' is '{reasonText}' on line {lineNumber} of '{path}', which score never writes; give the score command's output unchanged.", path, lineNumber, field: "reason");
            var result = new ScoreResult(row.GetProperty("score").GetDouble(), row.GetProperty("acc").GetDouble() > 0,
                row.GetProperty("formatted").GetDouble() > 0, row.GetProperty("flagged").GetDouble() > 0, reason);
            return (row.GetProperty("index").GetInt64(), result);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new TaskDataException($"Line {lineNumber} of '{path}' is not a score line ({error.Message.TrimEnd('.')}); give the score command's output unchanged.", path, lineNumber, inner: error);
        }
    }
}
