using System.Globalization;
using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Validation;

namespace Countdown.Preprocess.Reporting;

public static partial class HtmlReportWriter
{
    private static void WriteSampleRows(Page page, DatasetReport report)
    {
        Section(page, "rows", "Rows as the model sees them",
            "The first rows' prompt messages, exactly as the model receives them, and the ground truth the reward checks the answer against.");
        foreach (var row in report.SampleRows)
        {
            page.Text.Append("<div class=\"sample\">\n<h3>").Append(Html.Escape(row.Split)).Append(", row ").Append(Html.Count(row.Row)).Append("</h3>\n");
            foreach (var message in row.Prompt)
                page.Text.Append("<p class=\"role\">").Append(Html.Escape(message.Role)).Append("</p>\n<pre>").Append(Html.Escape(message.Content)).Append("</pre>\n");
            page.Text.Append("<p>Ground truth: target <b>").Append(row.Target.ToString(CultureInfo.InvariantCulture)).Append("</b>, numbers <b>")
                .Append(Html.Escape(Html.List(row.Numbers))).Append("</b>.</p>\n</div>\n");
        }

        EndSection(page);
    }

    private static void WriteScore(Page page, ScoreProfile score)
    {
        Section(page, "score", "Scores",
            "How the model's answers were rated: 1.0 when correct, 0.1 for a well-formed but wrong answer, 0 without an answer. Flagged answers pass TinyZero's loose check but not the strict rule (reward hacks such as 2**3), or are too large to evaluate.");
        var s = score.Summary;
        Table(page, ["answers", "mean score", "accuracy", "format rate", "flagged"],
        [[Html.Count(s.Rows), s.MeanScore.ToString("F4", CultureInfo.InvariantCulture), Html.Percent(s.Accuracy), Html.Percent(s.FormattedShare), Marked(s.Flagged, "bad")]], "num");
        Table(page, ["reason", "answers", "share"], score.Reasons.Select(r => (IReadOnlyList<string>)
            [$"<code>{Html.Escape(r.Key.ToText())}</code>", Html.Count(r.Value), Html.Percent(r.Value, s.Rows)]), "num");
        Figure(page, "score-reasons");
        page.Text.Append("<h3>Flagged answers</h3>\n");
        if (score.Flagged.Count == 0) page.Text.Append("<p>None.</p>\n");
        else if (score.Flagged.Any(f => f.Answer is not null))
            Table(page, ["row index", "target", "numbers", "answer", "score", "reason"], score.Flagged.Select(f => (IReadOnlyList<string>)
            [
                Html.Count(f.Index), f.Target?.ToString(CultureInfo.InvariantCulture) ?? "–", Html.Escape(f.Numbers is null ? "–" : Html.List(f.Numbers)),
                $"<code>{Html.Escape(f.Answer)}</code>", f.Score.ToString("0.0", CultureInfo.InvariantCulture), $"<code>{Html.Escape(f.Reason.ToText())}</code>",
            ]));
        else
            Table(page, ["row index", "score", "reason"], score.Flagged.Select(f => (IReadOnlyList<string>)
                [Html.Count(f.Index), f.Score.ToString("0.0", CultureInfo.InvariantCulture), $"<code>{Html.Escape(f.Reason.ToText())}</code>"]));
        EndSection(page);
    }

    private static void WriteValidation(Page page, ValidationReport validation)
    {
        Section(page, "validation", "Validation",
            "What validate finds: every row checked against the contract prepare writes (schema, constants, split, index, ground truth, prompt). Errors break training; overlap is only a warning.");
        var verdict = validation.ErrorCount > 0 ? "<span class=\"bad\">errors found</span>"
            : validation.WarningCount > 0 ? "<span class=\"warn\">passed with warnings</span>" : "<span class=\"ok\">passed</span>";
        page.Text.Append("<p>Result: ").Append(verdict).Append(" — ").Append(Html.Count(validation.ErrorCount)).Append(" errors, ")
            .Append(Html.Count(validation.WarningCount)).Append(" warnings over ").Append(Html.Count(validation.RowCount)).Append(" rows.</p>\n");
        Table(page, ["file", "split", "rows", "errors", "warnings"], validation.Files.Select(f => (IReadOnlyList<string>)
            [$"<code>{Html.Escape(f.Path)}</code>", Html.Escape(f.Split ?? "–"), Html.Count(f.RowCount), Marked(f.ErrorCount, "bad"), Marked(f.WarningCount, "warn")]), "num");
        var findings = validation.Files.SelectMany(f => f.Violations).SelectMany(v => v.Samples).ToArray();
        if (findings.Length > 0)
            Table(page, ["kind", "file", "row", "finding"], findings.Select(v => (IReadOnlyList<string>)
                [Html.Escape(Violation.NameOf(v.Kind)), $"<code>{Html.Escape(Path.GetFileName(v.File))}</code>", v.Row is { } r ? Html.Count(r) : "–", Html.Escape(v.Message)]));
        EndSection(page);
    }
}
