using System.Text.Json;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class ReportCommandTokenizerTests
{
    [Theory]
    [InlineData("base")]
    [InlineData("chat")]
    public async Task Report_Tokenizer_DrawsTheLengthsStatsCounts(string template)
    {
        using var folder = new TempDirectory();
        var model = TinyTokenizerFiles.WriteFolder(folder, KnownChatTemplates.Qwen25Instruct);
        var raw = folder.WriteJsonl([(28, [95, 11, 56]), (7, [1, 2, 3, 4]), (100, [10, 10])]);
        var stats = await CliRun.RunAsync("stats", raw, "--tokenizer", model, "--template", template, "--json");
        var tokens = JsonDocument.Parse(stats.Out).RootElement.GetProperty("prompt_tokens");

        var run = await CliRun.RunAsync("report", raw, "-o", folder.File("report.html"), "--tokenizer", model, "--template", template, "--no-solve");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var html = await File.ReadAllTextAsync(folder.File("report.html"));
        Assert.Contains("Prompt length in tokens", html);
        Assert.Contains($">{tokens.GetProperty("max").GetInt32()}<", html);
        Assert.Contains($">{tokens.GetProperty("min").GetInt32()}<", html);
    }

    [Fact]
    public async Task Report_NoTokenizer_HasNoLengthSection()
    {
        using var folder = new TempDirectory();
        var raw = folder.WriteJsonl([(28, [95, 11, 56])]);

        var run = await CliRun.RunAsync("report", raw, "-o", folder.File("report.html"), "--no-solve");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("Prompt length in tokens", await File.ReadAllTextAsync(folder.File("report.html")));
    }
}
