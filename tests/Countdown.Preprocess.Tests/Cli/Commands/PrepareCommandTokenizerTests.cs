using System.Text.Json;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class PrepareCommandTokenizerTests
{
    /// <summary>Twelve tasks: the odd ones have a fourth number, so their prompts are 3 tokens longer (", " and one digit).</summary>
    private static string WriteJsonl(TempDirectory dir)
        => dir.WriteJsonl(Enumerable.Range(0, 12).Select(i => (15L, i % 2 == 0 ? new long[] { 1, 2, 3 } : new long[] { 1, 2, 3, 4 })));

    private static int BaseLength(string model, long[] nums)
    {
        using var tokenizer = HuggingFaceTokenizer.Load(model);
        return PromptTokenCounter.For(tokenizer, PromptTemplates.Base).CountTokens(PromptTemplates.Base.Render(new global::Countdown.Preprocess.Tasks.CountdownTask(15, nums)));
    }

    [Fact]
    public async Task Prepare_TokenizerAndMaxPromptLength_DropsLongerPromptsBeforeTheSplit()
    {
        using var dir = new TempDirectory();
        var model = TinyTokenizerFiles.WriteFolder(dir, KnownChatTemplates.Qwen25Instruct);
        var shorter = BaseLength(model, [1, 2, 3]);
        Assert.Equal(shorter + 3, BaseLength(model, [1, 2, 3, 4]));

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", dir.File("out"), "--train-size", "4", "--test-size", "1",
            "--tokenizer", model, "--max-prompt-length", shorter.ToString(), "--summary-json", "-");

        Assert.Equal(0, run.ExitCode);
        var summary = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(6, summary.GetProperty("filters").GetProperty("prompts_too_long_removed").GetInt64());
        Assert.Equal(6, summary.GetProperty("filters").GetProperty("usable_records").GetInt64());
        var tokens = summary.GetProperty("prompt_tokens");
        Assert.Equal(shorter, tokens.GetProperty("max").GetInt32());
        Assert.Equal(5, tokens.GetProperty("histogram").GetProperty(shorter.ToString()).GetInt64());
        var rows = await ParquetWriterTestFiles.ReadRowsAsJsonAsync(Path.Combine(dir.File("out"), "train.parquet"));
        Assert.All(rows, row => Assert.Contains("\"nums\":[1,2,3]", row));
    }

    [Fact]
    public async Task Prepare_TokenizerWithoutLimit_ReportsWrittenPromptsOnly()
    {
        using var dir = new TempDirectory();
        var model = TinyTokenizerFiles.WriteFolder(dir, KnownChatTemplates.Qwen25Instruct);

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", dir.File("out"), "--train-size", "4", "--test-size", "1",
            "--tokenizer", model, "--summary-json", "-");

        Assert.Equal(0, run.ExitCode);
        var summary = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(0, summary.GetProperty("filters").GetProperty("prompts_too_long_removed").GetInt64());
        var histogram = summary.GetProperty("prompt_tokens").GetProperty("histogram");
        var shorter = BaseLength(model, [1, 2, 3]);
        Assert.Equal(3, histogram.GetProperty(shorter.ToString()).GetInt64());
        Assert.Equal(2, histogram.GetProperty((shorter + 3).ToString()).GetInt64());
    }

    [Fact]
    public async Task Prepare_VerlWithTokenizer_PrintsObservedMaxRoundedTo8AndNoFilterPass()
    {
        using var dir = new TempDirectory();
        var model = TinyTokenizerFiles.WriteFolder(dir, KnownChatTemplates.Qwen25Instruct);
        var output = Path.GetFullPath(dir.File("out"));

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", output, "--train-size", "4", "--test-size", "1",
            "--tokenizer", model, "--verl", "--summary-json", dir.File("summary.json"));

        Assert.Equal(0, run.ExitCode);
        var max = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json"))).RootElement.GetProperty("prompt_tokens").GetProperty("max").GetInt32();
        Assert.Equal(
            $"data.train_files={output}/train.parquet data.val_files={output}/test.parquet data.max_prompt_length={(max + 7) / 8 * 8} data.filter_overlong_prompts=False "
            + $"reward.custom_reward_function.path={output}/countdown_reward.py reward.custom_reward_function.name=compute_score\n",
            run.Out);
    }

    [Theory]
    [InlineData("0.7.0", "custom_reward_function.path=")]
    [InlineData("v0.3.0.post1", "custom_reward_function.path=")]
    [InlineData("0.7.1", "reward.custom_reward_function.path=")]
    [InlineData("0.8.0", "reward.custom_reward_function.path=")]
    [InlineData("0.9.0", "reward.custom_reward_function.path=")]
    public async Task Prepare_VerlVersion_PrintsTheRewardKeysItReads(string version, string rewardKey)
    {
        using var dir = new TempDirectory();
        var output = Path.GetFullPath(dir.File("out"));

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", output, "--train-size", "4", "--test-size", "1", "--verl", "--verl-version", version);

        Assert.Equal(0, run.ExitCode);
        var words = run.Out.TrimEnd('\n').Split(' ');
        Assert.Contains(words, w => w.StartsWith(rewardKey, StringComparison.Ordinal));
        Assert.Equal(rewardKey.StartsWith("reward.", StringComparison.Ordinal), words.All(w => !w.StartsWith("custom_reward_function", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Prepare_VerlVersionTinyZero_PrintsDataKeysOnlyAndBaseRows()
    {
        using var dir = new TempDirectory();
        var output = Path.GetFullPath(dir.File("out"));
        var model = TinyTokenizerFiles.WriteFolder(dir, chatTemplate: null);

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", output, "--train-size", "4", "--test-size", "1",
            "--verl", "--verl-version", "tinyzero", "--tokenizer", model, "--max-prompt-length", "1000");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"data.train_files={output}/train.parquet data.val_files={output}/test.parquet data.max_prompt_length=1000\n", run.Out);
        Assert.False(File.Exists(Path.Combine(output, "countdown_reward.py")));
        var row = (await ParquetWriterTestFiles.ReadRowsAsJsonAsync(Path.Combine(output, "train.parquet")))[0];
        Assert.Contains("A conversation between User and Assistant.", row);
    }

    [Fact]
    public async Task Prepare_VerlTemplateBase_PassThroughTemplateSurvivesShellAndHydra()
    {
        using var dir = new TempDirectory();
        var output = Path.GetFullPath(dir.File("out dir 'quoted'"));

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", output, "--train-size", "4", "--test-size", "1", "--verl", "--template", "base");

        Assert.Equal(0, run.ExitCode);
        var words = await ShellAndHydra.ShellWordsAsync(run.Out.TrimEnd('\n'));
        Assert.Equal(6, words.Length);
        Assert.Equal(Path.Combine(output, "train.parquet"), ShellAndHydra.HydraValue(words[0], "data.train_files"));
        Assert.Equal("{{ messages[0].content }}", ShellAndHydra.HydraValue(words[3], "actor_rollout_ref.model.custom_chat_template"));
        Assert.Equal(Path.Combine(output, "countdown_reward.py"), ShellAndHydra.HydraValue(words[4], "reward.custom_reward_function.path"));
        var row = (await ParquetWriterTestFiles.ReadRowsAsJsonAsync(Path.Combine(output, "train.parquet")))[0];
        Assert.Contains("Assistant: Let me solve this step by step.", row);
    }

    [Theory]
    [InlineData(new[] { "--template", "base", "--verl-version", "0.6.1" }, "error: --verl needs a chat-style template for veRL 0.6.1")]
    [InlineData(new[] { "--template", "chat", "--verl-version", "tinyzero" }, "error: --verl-version tinyzero feeds prompt[0].content")]
    [InlineData(new[] { "--verl-version", "0.2" }, "error: --verl-version '0.2' is not one whose keys were verified; choose one of: 0.3.0, 0.4.0")]
    public async Task Prepare_VerlVersionConflict_ExitsWithUsageCode(string[] extra, string message)
    {
        using var dir = new TempDirectory();

        var run = await CliRun.RunAsync(["prepare", "--input", WriteJsonl(dir), "--local-dir", dir.File("out"), "--train-size", "4", "--test-size", "1", "--verl", .. extra]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message, run.Error);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task Prepare_ChatPromptsWithUnknownChatTemplate_RefusedBeforeWriting()
    {
        using var dir = new TempDirectory();
        var model = TinyTokenizerFiles.WriteFolder(dir, "{% for m in messages %}{{ m.content }}{% endfor %}");

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", dir.File("out"), "--train-size", "4", "--test-size", "1", "--verl", "--tokenizer", model);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("supports the ChatML family of Qwen2, Qwen2.5 and Qwen3", run.Error);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task Prepare_MissingTokenizer_ExitsInputUnreadable()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", dir.File("out"), "--train-size", "4", "--test-size", "1", "--tokenizer", dir.File("no-model"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
    }

    [Fact]
    public async Task Prepare_TokenizerTooFewTasks_FailsAndWritesNothing()
    {
        using var dir = new TempDirectory();
        var model = TinyTokenizerFiles.WriteFolder(dir, KnownChatTemplates.Qwen25Instruct);

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", dir.File("out"), "--train-size", "11", "--test-size", "1", "--tokenizer", model);

        Assert.Equal(5, run.ExitCode);
        Assert.False(Directory.Exists(dir.File("out")) && Directory.EnumerateFileSystemEntries(dir.File("out")).Any());
    }

    [Fact]
    public async Task Prepare_TokenizerJsonIsAFolder_ExitsInputUnreadable()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.File("model"), "tokenizer.json"));

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", dir.File("out"), "--train-size", "4", "--test-size", "1", "--tokenizer", dir.File("model"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("holds no tokenizer.json", run.Error);
    }
}
