using System.Text.RegularExpressions;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_RawFile_WritesPageWithFiguresAndPngs()
    {
        using var folder = new TempDirectory();
        var raw = folder.WriteJsonl([(28, [95, 11, 56]), (28, [11, 95, 56]), (100, [1, 1, 1]), (24, [1, 3, 4, 6])]);
        var output = folder.File("out/report.html");

        var run = await CliRun.RunAsync("report", raw, "-o", output, "--png", folder.File("png"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var html = await File.ReadAllTextAsync(output);
        Assert.Contains("solvable (reward)", html);
        Assert.Contains("<td>tasks</td><td>4</td><td>3 (75.00%)</td>", html);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(raw))), html);
        Assert.Equal(4, Regex.Count(html, "<svg "));
        var pngs = Directory.GetFiles(folder.File("png"), "*.png").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["difficulty.png", "number-values.png", "numbers-per-task.png", "targets.png"], pngs);
        Assert.All(pngs, name => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(folder.File("png"), name))[..4]));
    }

    [Fact]
    public async Task Report_PreparedFolder_ShowsSchemaOverlapValidationAndRows()
    {
        using var folder = new TempDirectory();
        var raw = folder.WriteJsonl(Enumerable.Range(0, 41).Select(i => (10L + i % 7, new long[] { 1 + i % 5, 2, 3 })));
        Assert.Equal(0, (await CliRun.RunAsync("prepare", "-q", "--input", raw, "--local-dir", folder.File("prepared"), "--train-size", "30", "--test-size", "10")).ExitCode);

        var run = await CliRun.RunAsync("report", folder.File("prepared"), "-o", folder.File("report.html"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var html = await File.ReadAllTextAsync(folder.File("report.html"));
        Assert.Contains("reward_model: struct&lt;ground_truth", html);
        Assert.Contains("Test rows whose task is also in train: <span class=\"bad\">5</span> of 10", html);
        Assert.Contains("<span class=\"warn\">passed with warnings</span> — 0 errors, 5 warnings", html); // the validator finds the same overlap
        Assert.Contains("A conversation between User and Assistant.", html);
        Assert.Contains("base (40 rows)", html);
        Assert.Contains("<td>train</td><td>30</td>", html);
    }

    [Fact]
    public async Task Report_ScoreOutput_ShowsTotalsAndFlagged()
    {
        using var folder = new TempDirectory();
        var scores = folder.File("scores.jsonl");
        await File.WriteAllTextAsync(scores, """
            {"index":0,"score":1.0,"acc":1.0,"formatted":1.0,"flagged":0.0,"reason":"ok"}
            {"index":7,"score":0.1,"acc":0.0,"formatted":1.0,"flagged":1.0,"reason":"not-strict"}
            """);

        var run = await CliRun.RunAsync("report", scores, "-o", folder.File("report.html"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var html = await File.ReadAllTextAsync(folder.File("report.html"));
        Assert.Contains("<td>2</td><td>0.5500</td><td>50.00%</td><td>100.00%</td>", html);
        Assert.Contains("<td>7</td><td>0.1</td><td><code>not-strict</code></td>", html);
        Assert.Equal(1, Regex.Count(html, "<svg "));
    }

    [Fact]
    public async Task Report_Answers_RatesThemAsScoreDoesAndShowsFlaggedAnswerText()
    {
        using var folder = new TempDirectory();
        var answers = folder.File("answers.jsonl");
        await File.WriteAllTextAsync(answers, """
            {"target": 28, "nums": [95, 11, 56], "response": "<think>…</think> <answer>95 - 11 - 56</answer>"}
            {"target": 8, "nums": [2, 3], "response": "<answer>2**3</answer>"}
            {"target": 24, "nums": [8, 8, 3, 3], "response": "<answer>(8 + 8) * 3 / 3</answer>"}
            {"target": 9, "nums": [9, 9], "response": "no answer"}
            """);

        var run = await CliRun.RunAsync("report", answers, "-o", folder.File("report.html"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var html = await File.ReadAllTextAsync(folder.File("report.html"));
        var score = await CliRun.RunAsync("score", "--input", answers, "--json");
        Assert.Contains("\"mean_score\":0.3", score.Error);
        Assert.Contains("<td>4</td><td>0.3000</td><td>25.00%</td><td>75.00%</td>", html);
        Assert.Contains("<td>1</td><td>8</td><td>[2, 3]</td><td><code>2**3</code></td><td>0.1</td><td><code>not-strict</code></td>", html);
    }

    [Fact]
    public async Task Report_MissingInput_ExitsInputUnreadable()
    {
        using var folder = new TempDirectory();

        var run = await CliRun.RunAsync("report", folder.File("none.parquet"), "-o", folder.File("report.html"));

        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        Assert.False(File.Exists(folder.File("report.html")));
    }

    [Fact]
    public async Task Report_OutputIsAFolder_ExitsOutputFailedAndLeavesNothing()
    {
        using var folder = new TempDirectory();
        var raw = folder.WriteJsonl([(3, [1, 2])]);
        Directory.CreateDirectory(folder.File("taken"));

        var run = await CliRun.RunAsync("report", raw, "-o", folder.File("taken"));

        Assert.Equal(ExitCodes.OutputFailed, run.ExitCode);
        Assert.Equal(["raw.jsonl"], folder.FileNames());
    }

    [Fact]
    public async Task Report_BadRecord_ExitsBadRecordAndLeavesNothing()
    {
        using var folder = new TempDirectory();
        var raw = folder.File("bad.jsonl");
        await File.WriteAllTextAsync(raw, "{\"nums\": [1, 2], \"target\": 3}\n{\"nums\": [1, 2]}\n");

        var run = await CliRun.RunAsync("report", raw, "-o", folder.File("report.html"));

        Assert.Equal(ExitCodes.BadRecord, run.ExitCode);
        Assert.Contains("line 2", run.Error);
        Assert.False(File.Exists(folder.File("report.html")));
    }

    [Fact]
    public async Task Report_TruncatedParquet_ExitsInputUnreadableAndLeavesNothing()
    {
        using var folder = new TempDirectory();
        var bytes = await File.ReadAllBytesAsync(RepositoryFiles.Path("samples", "raw", "countdown-tasks-2k.parquet"));
        await File.WriteAllBytesAsync(folder.File("cut.parquet"), bytes[..(bytes.Length / 2)]);

        var run = await CliRun.RunAsync("report", folder.File("cut.parquet"), "-o", folder.File("report.html"));

        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        Assert.Equal(["cut.parquet"], folder.FileNames());
    }

    [Fact]
    public async Task Report_Cancelled_ExitsCancelledAndLeavesNothing()
    {
        using var folder = new TempDirectory();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var run = await CliRun.RunAsync(cancel.Token, "report", RepositoryFiles.Path("samples", "raw", "countdown-tasks-2k.parquet"), "-o", folder.File("report.html"));

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public async Task Report_PngFolderIsAFile_ExitsOutputFailedAndLeavesNothing()
    {
        using var folder = new TempDirectory();
        var raw = folder.WriteJsonl([(3, [1, 2])]);
        await File.WriteAllTextAsync(folder.File("charts"), "a file");

        var run = await CliRun.RunAsync("report", raw, "-o", folder.File("report.html"), "--png", folder.File("charts"));

        Assert.Equal(ExitCodes.OutputFailed, run.ExitCode);
        Assert.Contains("--png", run.Error);
        Assert.Equal(["charts", "raw.jsonl"], folder.FileNames());
    }
}
