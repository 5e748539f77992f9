using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Reporting;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tests.Reporting;

public sealed class HtmlReportWriterTests
{
    private const string Hostile = "<script>alert('x')</script><img src=\"http://example.com/x.png\">";

    [Fact]
    public void Render_ValuesFromInput_AreEscaped()
    {
        var report = Report(Hostile) with
        {
            SampleRows = [new SampleRow("tasks", 0, [new ChatMessage(Hostile, Hostile)], 3, [1, 2])],
        };

        var html = HtmlReportWriter.Render(report, ReportCharts.For(report));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
    }

    [Fact]
    public void Render_Page_HasNoReferenceToAnotherHost()
    {
        var report = Report("tasks.jsonl");

        var html = HtmlReportWriter.Render(report, ReportCharts.For(report));

        // The only URLs are the SVG namespaces, which browsers never fetch.
        var urls = System.Text.RegularExpressions.Regex.Matches(html, "(https?:)?//[a-z0-9.-]+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Select(m => m.Value).Distinct().ToArray();
        Assert.All(urls, url => Assert.Contains(url, new[] { "http://www.w3.org" }));
        Assert.Contains("Content-Security-Policy", html);
    }

    [Fact]
    public void Render_EveryChart_IsInlinedAsSvgWithUniqueIds()
    {
        var report = Report("tasks.jsonl");
        var charts = ReportCharts.For(report);

        var html = HtmlReportWriter.Render(report, charts);

        Assert.Equal(4, charts.Count);
        Assert.Equal(charts.Count, System.Text.RegularExpressions.Regex.Count(html, "<svg "));
        var ids = System.Text.RegularExpressions.Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.DoesNotContain("<?xml", html);
    }

    [Fact]
    public void Render_TokenLengths_AddsTheSectionWithQuantiles()
    {
        var report = Report("tasks.jsonl") with { TokenLengths = new Dictionary<int, long> { [120] = 90, [130] = 9, [400] = 1 }, TokenizerName = "qwen" };

        var charts = ReportCharts.For(report);
        var html = HtmlReportWriter.Render(report, charts);

        Assert.Contains(charts, c => c.Id == "token-lengths");
        Assert.Contains("<section id=\"token-lengths\">", html);
        Assert.Contains("<td>100</td><td>120</td><td>120</td><td>130</td><td>400</td>", html);
    }

    [Fact]
    public void Render_WithoutTokenLengths_LeavesTheSectionOut()
    {
        var report = Report("tasks.jsonl");

        Assert.DoesNotContain("token-lengths", HtmlReportWriter.Render(report, ReportCharts.For(report)));
    }

    [Fact]
    public void Render_SameReport_SameBytes()
    {
        var report = Report("tasks.jsonl");

        Assert.Equal(HtmlReportWriter.Render(report, ReportCharts.For(report)), HtmlReportWriter.Render(report, ReportCharts.For(report)));
    }

    internal static DatasetReport Report(string title)
    {
        var builder = new SplitProfileBuilder("tasks", solve: true, examples: 3);
        builder.AddBatch([new CountdownTask(28, [95, 11, 56]), new CountdownTask(100, [1, 1, 1]), new CountdownTask(28, [11, 95, 56])], CancellationToken.None);
        return new DatasetReport(title, ReportInputKind.RawTasks, "9.9.9", [new InputFileInfo(title, 10, new string('0', 64), null)], [builder.Build()]);
    }
}
