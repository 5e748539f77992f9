using System.Globalization;
using System.Text;
using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary>The text the <c>score</c> command prints: a JSON line per row and the totals.</summary>
internal static class ScoreLine
{
    /// <summary>Appends <c>{"index":0,"score":1.0,"acc":1.0,"formatted":1.0,"flagged":0.0,"reason":"ok"}</c> and a line break.</summary>
    public static void Append(StringBuilder line, long index, in ScoreResult result)
    {
        line.Append("{\"index\":").Append(index.ToString(CultureInfo.InvariantCulture))
            .Append(",\"score\":").Append(result.Score switch { 1.0 => "1.0", 0.0 => "0.0", _ => "0.1" })
            .Append(",\"acc\":").Append(Flag(result.IsCorrect))
            .Append(",\"formatted\":").Append(Flag(result.IsFormatted))
            .Append(",\"flagged\":").Append(Flag(result.IsFlagged))
            .Append(",\"reason\":\"").Append(result.Reason.ToText()).Append("\"}\n");
    }

    /// <summary>Writes the same line as UTF-8 into <paramref name="line"/> (at least 128 bytes) and returns its length.</summary>
    public static int Write(Span<byte> line, long index, in ScoreResult result)
    {
        var length = Copy(line, "{\"index\":"u8, 0);
        index.TryFormat(line[length..], out var written, default, CultureInfo.InvariantCulture);
        length += written;
        length = Copy(line, ",\"score\":"u8, length);
        length = Copy(line, result.Score switch { 1.0 => "1.0"u8, 0.0 => "0.0"u8, _ => "0.1"u8 }, length);
        length = Copy(line, ",\"acc\":"u8, length);
        length = Copy(line, Flag8(result.IsCorrect), length);
        length = Copy(line, ",\"formatted\":"u8, length);
        length = Copy(line, Flag8(result.IsFormatted), length);
        length = Copy(line, ",\"flagged\":"u8, length);
        length = Copy(line, Flag8(result.IsFlagged), length);
        length = Copy(line, ",\"reason\":\""u8, length);
        length += System.Text.Encoding.ASCII.GetBytes(result.Reason.ToText(), line[length..]);
        return Copy(line, "\"}\n"u8, length);
    }

    private static int Copy(Span<byte> line, ReadOnlySpan<byte> text, int at)
    {
        text.CopyTo(line[at..]);
        return at + text.Length;
    }

    private static ReadOnlySpan<byte> Flag8(bool value) => value ? "1.0"u8 : "0.0"u8;

    /// <summary>The totals as one JSON object.</summary>
    public static string Summary(ScoreSummary summary) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"rows\":{summary.Rows},\"mean_score\":{summary.MeanScore:R},\"accuracy\":{summary.Accuracy:R},\"formatted\":{summary.FormattedShare:R},\"flagged\":{summary.Flagged}}}");

    /// <summary>The totals as a sentence.</summary>
    public static string SummarySentence(ScoreSummary summary) => string.Create(CultureInfo.InvariantCulture,
        $"Scored {summary.Rows} rows: mean score {summary.MeanScore:0.0000}, accuracy {summary.Accuracy:P2}, formatted {summary.FormattedShare:P2}, flagged {summary.Flagged}.");

    private static string Flag(bool value) => value ? "1.0" : "0.0";
}
