using System.Text;

namespace Countdown.Preprocess.Reporting;

/// <summary>Renders a <see cref="DatasetReport"/> as one self-contained HTML page: inline styles and SVG charts, no scripts, no links out.</summary>
public static partial class HtmlReportWriter
{
    /// <summary>The page for <paramref name="report"/> with <paramref name="charts"/> (from <see cref="ReportCharts.For"/>) drawn inline.</summary>
    public static string Render(DatasetReport report, IReadOnlyList<ChartSpec> charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        var page = new Page(new StringBuilder(1 << 16), charts.ToDictionary(c => c.Id));
        page.Text.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            // No request may leave the page: block everything but inline styles and data: images.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<title>Countdown data report: ").Append(Html.Escape(report.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>Countdown data report</h1>\n<p class=\"subtitle\"><code>").Append(Html.Escape(report.Title)).Append("</code></p>\n");
        WriteOverview(page, report);
        if (report.Splits.Count > 0)
        {
            WriteDistributions(page, report);
            WriteSolving(page, report);
            WriteDuplicates(page, report);
        }

        if (report.TokenLengths is { Count: > 0 }) WriteTokenLengths(page, report);
        if (report.SampleRows.Count > 0) WriteSampleRows(page, report);
        if (report.Score is not null) WriteScore(page, report.Score);
        if (report.Validation is not null) WriteValidation(page, report.Validation);
        page.Text.Append("<footer>Made by countdown-preprocess ").Append(Html.Escape(report.ToolVersion))
            .Append(" with <code>countdown-preprocess report</code>. Charts drawn with ScottPlot.</footer>\n</main>\n</body>\n</html>\n");
        return page.Text.ToString();
    }

    private sealed record Page(StringBuilder Text, IReadOnlyDictionary<string, ChartSpec> Charts);

    private static void Section(Page page, string id, string title, string caption)
        => page.Text.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(Html.Escape(title)).Append("</h2>\n<p class=\"caption\">")
            .Append(Html.Escape(caption)).Append("</p>\n");

    private static void EndSection(Page page) => page.Text.Append("</section>\n");

    private static void Figure(Page page, string id)
    {
        if (!page.Charts.TryGetValue(id, out var chart)) return;
        page.Text.Append("<figure id=\"figure-").Append(id).Append("\">\n").Append(ChartRenderer.Svg(chart))
            .Append("\n<figcaption><b>").Append(Html.Escape(chart.Title)).Append(".</b> ").Append(Html.Escape(chart.Caption)).Append("</figcaption>\n</figure>\n");
    }

    /// <summary>A table: a header row (none when null), then rows of cells already escaped.</summary>
    private static void Table(Page page, IReadOnlyList<string>? header, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null)
    {
        page.Text.Append(cssClass is null ? "<table>\n" : $"<table class=\"{cssClass}\">\n");
        if (header is not null)
        {
            page.Text.Append("<thead><tr>");
            foreach (var cell in header) page.Text.Append("<th>").Append(Html.Escape(cell)).Append("</th>");
            page.Text.Append("</tr></thead>\n");
        }

        page.Text.Append("<tbody>\n");
        foreach (var row in rows)
        {
            page.Text.Append("<tr>");
            foreach (var cell in row) page.Text.Append("<td>").Append(cell).Append("</td>");
            page.Text.Append("</tr>\n");
        }

        page.Text.Append("</tbody>\n</table>\n");
    }

    private const string Style = """
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1b1b1b; background: #fafafa; margin: 0; }
        main { max-width: 980px; margin: 0 auto; padding: 1.5rem 2rem 3rem; background: #fff; }
        h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #1f77b4; padding-bottom: 0.2rem; margin-top: 2.2rem; }
        .subtitle { margin-top: 0; color: #555; } .caption { color: #444; margin-top: 0.2rem; }
        table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.92rem; }
        th, td { border: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        th, table.overview td:first-child { background: #f0f4f8; font-weight: bold; } td.num, .num td { font-variant-numeric: tabular-nums; }
        figure { margin: 1rem 0 1.6rem; } svg.chart { width: 100%; height: auto; display: block; border: 1px solid #eee; }
        figcaption { color: #444; font-size: 0.9rem; margin-top: 0.3rem; }
        pre { background: #f6f8fa; border: 1px solid #e1e4e8; padding: 0.6rem; white-space: pre-wrap; word-break: break-word; font-size: 0.85rem; }
        .role { font-weight: bold; color: #1f77b4; margin: 0.4rem 0 0.1rem; } .sample { border-left: 3px solid #1f77b4; padding-left: 0.8rem; margin: 1rem 0; }
        .ok { color: #116611; font-weight: bold; } .bad { color: #b00020; font-weight: bold; } .warn { color: #8a5a00; font-weight: bold; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; word-break: break-all; }
        footer { margin-top: 3rem; color: #777; font-size: 0.85rem; }
        """;
}
