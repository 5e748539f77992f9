using System.Collections.Concurrent;
using Countdown.Preprocess.Tests.Support;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace Countdown.Preprocess.Tests.Reporting;

/// <summary>Opens reports in headless Chromium from a file:// URL with the network blocked, as a reader offline would.</summary>
public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    [ChromiumTheory]
    [InlineData("prepared", 4, new[] { "1,792", "train 1,536, test 256", "1,536 (100.00%)", "passed — 0 errors, 0 warnings", "Using the numbers [" })]
    [InlineData("raw", 4, new[] { "2,000", "2,000 (100.00%)", "exact repeats", "Hardest solvable tasks" })]
    [InlineData("score", 1, new[] { "0.2600", "20.00%", "80.00%", "not-strict" })]
    public async Task Report_OpenedOffline_RendersEveryChartWithoutErrors(string kind, int charts, string[] keyTexts)
    {
        using var folder = new TempDirectory();
        var html = folder.File($"{kind}.html");
        var run = await CliRun.RunAsync("report", Input(kind, folder), "-o", html);
        Assert.Equal(0, run.ExitCode);

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumTheoryAttribute.ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        await using var page = await browser.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            if (e.Request.Url.StartsWith("file:", StringComparison.Ordinal) || e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
                await e.Request.ContinueAsync();
            else
            {
                problems.Enqueue($"request to {e.Request.Url}");
                await e.Request.AbortAsync();
            }
        };
        page.RequestFailed += (_, e) => problems.Enqueue($"failed request {e.Request.Url}");
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning) problems.Enqueue($"console {e.Message.Type}: {e.Message.Text}");
        };
        page.PageError += (_, e) => problems.Enqueue($"page error: {e.Message}");
        await page.SetViewportAsync(new ViewPortOptions { Width = 1100, Height = 900 });

        var response = await page.GoToAsync(new Uri(html).AbsoluteUri, WaitUntilNavigation.Load);

        Assert.True(response.Ok);
        var figures = await page.QuerySelectorAllAsync("figure svg");
        Assert.Equal(charts, figures.Length);
        foreach (var figure in figures)
        {
            var box = await figure.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 100 }, $"A chart has no visible box ({box?.Width} x {box?.Height}).");
            Assert.True(await figure.EvaluateFunctionAsync<bool>("e => getComputedStyle(e).visibility === 'visible' && getComputedStyle(e).display !== 'none'"));
            var marks = await figure.EvaluateFunctionAsync<int>("e => e.querySelectorAll('rect, path, text').length");
            Assert.True(marks > 10, $"A chart holds only {marks} marks.");
            var drawn = await figure.EvaluateFunctionAsync<double>("e => e.getBBox().width * e.getBBox().height");
            Assert.True(drawn > 10_000, $"A chart draws only {drawn} square pixels.");
        }

        var text = await page.EvaluateExpressionAsync<string>("document.body.innerText");
        Assert.All(keyTexts, key => Assert.Contains(key, text));
        var screenshot = Path.Combine(Path.GetTempPath(), "countdown-report-screenshots", $"report-{kind}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
        output.WriteLine($"Screenshot of the {kind} report: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(problems);
    }

    private static string Input(string kind, TempDirectory folder)
    {
        switch (kind)
        {
            case "prepared":
                return RepositoryFiles.Path("samples", "prepared", "base");
            case "raw":
                return RepositoryFiles.Path("samples", "raw", "countdown-tasks-2k.parquet");
            default:
                var scores = folder.File("scores.jsonl");
                File.WriteAllText(scores, """
                    {"index":0,"score":1.0,"acc":1.0,"formatted":1.0,"flagged":0.0,"reason":"ok"}
                    {"index":1,"score":0.1,"acc":0.0,"formatted":1.0,"flagged":1.0,"reason":"not-strict"}
                    {"index":2,"score":0.1,"acc":0.0,"formatted":1.0,"flagged":0.0,"reason":"wrong-value"}
                    {"index":3,"score":0.1,"acc":0.0,"formatted":1.0,"flagged":1.0,"reason":"too-large"}
                    {"index":4,"score":0.0,"acc":0.0,"formatted":0.0,"flagged":0.0,"reason":"no-answer"}
                    """);
                return scores;
        }
    }
}
