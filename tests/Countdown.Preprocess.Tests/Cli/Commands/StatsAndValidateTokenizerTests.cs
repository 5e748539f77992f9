using System.Text.Json;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class StatsAndValidateTokenizerTests
{
    private static string WriteTasks(TempDirectory dir) => dir.WriteJsonl([(5L, [12, 3]), (15L, [4, 5, 6])]);

    [Fact]
    public async Task Stats_PreRenderedTemplate_CountsTextAsIsByHand()
    {
        using var dir = new TempDirectory();
        var model = TinyTokenizerFiles.WriteFolder(dir, KnownChatTemplates.Qwen3);
        File.WriteAllText(dir.File("t.json"), """[{"role": "user", "content": "<|im_start|>hello {numbers}"}]""");

        var run = await CliRun.RunAsync("stats", WriteTasks(dir), "--tokenizer", model, "--template-file", dir.File("t.json"), "--json");

        Assert.Equal(0, run.ExitCode);
        var tokens = JsonDocument.Parse(run.Out).RootElement.GetProperty("prompt_tokens");
        // <|im_start|> 1 + hell|o 2 + Ġ[ 2 + "12, 3]" 6 = 11; "[4, 5, 6]" has two more tokens = 13.
        Assert.Equal("""{"11":1,"13":1}""", tokens.GetProperty("histogram").GetRawText().Replace(" ", "").Replace("\n", ""));
        Assert.Equal((11, 13, 12.0), (tokens.GetProperty("min").GetInt32(), tokens.GetProperty("max").GetInt32(), tokens.GetProperty("mean").GetDouble()));
    }

    [Fact]
    public async Task Stats_ChatTemplate_CountsRenderedTemplateAndDrawsBars()
    {
        using var dir = new TempDirectory();
        var model = TinyTokenizerFiles.WriteFolder(dir, KnownChatTemplates.Qwen3);
        File.WriteAllText(dir.File("t.json"), """[{"role": "user", "content": "hello {numbers}"}]""");

        var run = await CliRun.RunAsync("stats", WriteTasks(dir), "--tokenizer", model, "--template-file", dir.File("t.json"));

        Assert.Equal(0, run.ExitCode);
        // Qwen3 adds no system turn: 19 tokens of markup (<|im_start|> user(4) \n ... <|im_end|> \n <|im_start|> assistant(9) \n) around 10 and 12.
        Assert.Contains("prompt tokens       min 29, mean 30.0, p50 29, p99 31, max 31 (template t.json through the Qwen3 chat template)\n", run.Out);
        Assert.Contains("  29  1  ########################################\n  30  0\n  31  1  ########################################\n", run.Out);
    }

    [Fact]
    public async Task Validate_PromptOverLimit_FailsNamingRowAndLength()
    {
        using var dir = new TempDirectory();
        var model = TinyTokenizerFiles.WriteFolder(dir, KnownChatTemplates.Qwen25Instruct);
        var output = dir.File("out");
        var prepare = await CliRun.RunAsync("prepare", "--input", dir.WriteJsonl(Enumerable.Range(0, 6).Select(i => (15L, i == 1 ? new long[] { 1, 2, 3, 4 } : [1, 2, 3]))),
            "--local-dir", output, "--train-size", "4", "--test-size", "1", "--tokenizer", model, "--summary-json", dir.File("s.json"));
        Assert.Equal(0, prepare.ExitCode);
        var max = JsonDocument.Parse(File.ReadAllText(dir.File("s.json"))).RootElement.GetProperty("prompt_tokens").GetProperty("max").GetInt32();

        var fails = await CliRun.RunAsync("validate", output, "--tokenizer", model, "--max-prompt-length", (max - 1).ToString());
        var passes = await CliRun.RunAsync("validate", output, "--tokenizer", model, "--max-prompt-length", max.ToString());

        Assert.Equal(8, fails.ExitCode);
        Assert.Contains($"Row 1 has a prompt of {max} tokens, more than the {max - 1} allowed", fails.Out);
        Assert.Equal(0, passes.ExitCode);
    }

    [Theory]
    [InlineData("--tokenizer")]
    [InlineData("--max-prompt-length")]
    public async Task Validate_TokenizerWithoutLimit_ExitsWithUsageCode(string only)
    {
        using var dir = new TempDirectory();
        var model = TinyTokenizerFiles.WriteFolder(dir, null);

        var run = await CliRun.RunAsync("validate", dir.Path, only, only == "--tokenizer" ? model : "10");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("go together", run.Error);
    }
}
