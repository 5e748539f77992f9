using System.Globalization;

namespace Countdown.Preprocess.Reporting;

public static partial class HtmlReportWriter
{
    private static void WriteOverview(Page page, DatasetReport report)
    {
        var kind = report.Kind switch
        {
            ReportInputKind.Prepared => "prepared train/test files",
            ReportInputKind.ScoreOutput => "score output (one rated answer per line)",
            ReportInputKind.Answers => "model answers, rated here as score rates them (strict, response mode)",
            _ => "raw task file",
        };
        Section(page, "overview", "Overview", "What was read: the input, its files with their SHA-256 hashes (to tell copies apart), and the tool that made this page.");
        var rows = new List<string[]>
        {
            new[] { "input", $"<code>{Html.Escape(report.Title)}</code> ({Html.Escape(kind)})" },
            new[] { report.Score is not null ? "answers" : "rows", Html.Count(report.Rows) },
        };
        if (report.Splits.Count > 0)
            rows.Add(["splits", Html.Escape(string.Join(", ", report.Splits.Select(s => $"{s.Name} {Html.Count(s.Statistics.Records)}")))]);
        if (report.Templates.Count > 0)
            rows.Add(["template", Html.Escape(string.Join(", ", report.Templates.Select(t => $"{t.Key} ({Html.Count(t.Value)} rows)")))]);
        rows.Add(["tool", $"countdown-preprocess {Html.Escape(report.ToolVersion)}"]);
        Table(page, null, rows, "overview");

        Table(page, ["file", "split", "bytes", "SHA-256"], report.Files.Select(f => (IReadOnlyList<string>)
            [$"<code>{Html.Escape(f.Path)}</code>", Html.Escape(f.Split ?? "–"), Html.Count(f.Bytes), $"<code>{Html.Escape(f.Sha256)}</code>"]));

        if (report.Schema is { } schema)
        {
            page.Text.Append("<details open>\n<summary>Schema of <code>").Append(Html.Escape(report.Files[0].Path)).Append("</code></summary>\n<pre>");
            foreach (var field in schema) page.Text.Append(Html.Escape(field.ToString())).Append('\n');
            page.Text.Append("</pre>\n</details>\n");
        }

        EndSection(page);
    }

    private static void WriteTokenLengths(Page page, DatasetReport report)
    {
        var lengths = report.TokenLengths!;
        Section(page, "token-lengths", "Prompt length in tokens",
            "How long the prompts are once tokenized, as the model's context sees them; set veRL's data.max_prompt_length at or above the longest.");
        var total = lengths.Values.Sum();
        var sorted = lengths.OrderBy(p => p.Key).ToArray();
        Table(page, ["prompts", "shortest", "median", "99th percentile", "longest"],
        [[Html.Count(total), Text(sorted[0].Key), Text(Quantile(sorted, total, 0.5)), Text(Quantile(sorted, total, 0.99)), Text(sorted[^1].Key)]], "num");
        Figure(page, "token-lengths");
        EndSection(page);
    }

    /// <summary>The smallest length with at least <paramref name="q"/> of the prompts at or below it.</summary>
    internal static int Quantile(IReadOnlyList<KeyValuePair<int, long>> sorted, long total, double q)
    {
        var seen = 0L;
        foreach (var (length, count) in sorted)
        {
            seen += count;
            if (seen >= q * total) return length;
        }

        return sorted[^1].Key;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
