using System.Text;
using System.Text.RegularExpressions;
using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Reporting;

/// <summary>Rates a file of model answers as the <c>score</c> command does (default rules) and keeps the flagged answers' text.</summary>
internal static partial class AnswersReader
{
    private const int AnswerChars = 200;

    /// <summary>Whether the file carries a <c>response</c> or <c>solution_str</c> field: in the Parquet schema, the CSV header or the first JSON record.</summary>
    public static async Task<bool> LooksLikeAnswersAsync(string path, CancellationToken cancellationToken)
    {
        var head = new byte[8192];
        int length;
        await using (var stream = File.OpenRead(path))
            length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (head.AsSpan(0, length).StartsWith("PAR1"u8))
        {
            await using var file = await ParquetTableFile.OpenAsync(path, cancellationToken);
            var fields = (await file.DescribeAsync(cancellationToken)).Fields;
            return fields.Any(f => f.Name is "response" or "solution_str");
        }

        var text = Encoding.UTF8.GetString(head, 0, length);
        var end = text.IndexOf('\n');
        return OutputField().IsMatch(end < 0 ? text : text[..end]);
    }

    /// <summary>Scores every row, counting reasons and keeping the first flagged answers with their task.</summary>
    public static async Task<ScoreProfile> ReadAsync(string path, int examples, CancellationToken cancellationToken)
    {
        var reasons = new long[Enum.GetValues<ScoreReason>().Length];
        var flagged = new List<ScoreExample>();
        var summary = await ScoreFile.ScoreAsync(path, ScoreOptions.Default, (row, result) =>
        {
            reasons[(int)result.Reason]++;
            if (!result.IsFlagged || flagged.Count >= examples) return;
            var answer = AnswerExtractor.FromResponse(row.Output) ?? row.Output;
            if (answer.Length > AnswerChars) answer = answer[..AnswerChars] + "…";
            flagged.Add(new ScoreExample(row.Index, result.Score, result.Reason) { Target = row.Target, Numbers = row.Numbers, Answer = answer });
        }, cancellationToken: cancellationToken);
        return new ScoreProfile(summary, reasons.Select((count, i) => KeyValuePair.Create((ScoreReason)i, count)).ToArray(), flagged);
    }

    // A JSON key or a CSV header column named response or solution_str.
    [GeneratedRegex("(\"(response|solution_str)\"\\s*:)|(^|,)\\s*\"?(response|solution_str)\"?\\s*(,|$)")]
    private static partial Regex OutputField();
}
