using System.Diagnostics;
using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class PrepareCommandVerlTests
{
    private static string WriteJsonl(TempDirectory dir)
        => dir.WriteJsonl(Enumerable.Range(0, 12).Select(i => ((long)(10 + i + 5), new long[] { 10 + i, 3, 2 })));

    [Fact]
    public async Task Prepare_Verl_PrintsOneOverrideLineAndWritesRewardFunction()
    {
        using var dir = new TempDirectory();
        var input = WriteJsonl(dir);
        var output = Path.GetFullPath(dir.File("out"));

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", output, "--train-size", "8", "--test-size", "2", "--verl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            $"data.train_files={output}/train.parquet data.val_files={output}/test.parquet data.max_prompt_length=256 "
            + $"reward.custom_reward_function.path={output}/countdown_reward.py reward.custom_reward_function.name=compute_score\n",
            run.Out);
        Assert.Equal(RewardModule.PythonSource, File.ReadAllText(Path.Combine(output, "countdown_reward.py")));
        var row = (await ParquetWriterTestFiles.ReadRowsAsJsonAsync(Path.Combine(output, "train.parquet")))[0];
        Assert.Contains("\"prompt\":[{\"content\":\"You are a helpful assistant.", row);
        Assert.Contains("\"role\":\"system\"},{\"content\":\"Using the numbers [10, 3, 2]", row);
    }

    [Fact]
    public async Task Prepare_VerlWithMaxPromptLength_UsesIt()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", dir.File("out"), "--train-size", "8", "--test-size", "2", "--verl", "--max-prompt-length", "512");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(" data.max_prompt_length=512 ", run.Out);
    }

    [Theory]
    [InlineData(new[] { "--template", "qwen-instruct", "--verl-version", "0.6.1" }, "error: --verl needs a chat-style template for veRL 0.6.1, but 'qwen-instruct' is pre-rendered text")]
    [InlineData(new[] { "--summary-json", "-" }, "error: --verl prints the veRL overrides on standard output, so --summary-json needs a file path")]
    [InlineData(new[] { "--max-prompt-length", "0" }, "error: --max-prompt-length '0' is not a positive token count.")]
    public async Task Prepare_VerlWithConflictingOption_ExitsWithUsageCode(string[] extra, string message)
    {
        using var dir = new TempDirectory();

        var run = await CliRun.RunAsync(["prepare", "--input", WriteJsonl(dir), "--local-dir", dir.File("out"), "--train-size", "8", "--test-size", "2", "--verl", .. extra]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message, run.Error);
        Assert.Equal("", run.Out);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task Prepare_VerlFailure_LeavesNoRewardFileBehind()
    {
        using var dir = new TempDirectory();
        var output = Directory.CreateDirectory(dir.File("out")).FullName;

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", output, "--train-size", "11", "--test-size", "1", "--verl");

        Assert.Equal(5, run.ExitCode);
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public async Task Prepare_VerlRewardFunction_ScoresWithPython()
    {
        using var dir = new TempDirectory();
        var output = Path.GetFullPath(dir.File("out"));
        await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", output, "--train-size", "8", "--test-size", "2", "--verl");
        var script = """
            import importlib.util, json, sys
            spec = importlib.util.spec_from_file_location("countdown_reward", sys.argv[1])
            module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
            gt = {"target": 15, "numbers": [10, 3, 2]}
            print(json.dumps([module.compute_score(data_source="countdown", solution_str=s, ground_truth=gt, extra_info={"index": 0})
                for s in ["<answer>10 + 3 + 2</answer>", "<answer>10 * 3 - 2</answer>", "no answer"]], sort_keys=True))
            """;
        File.WriteAllText(dir.File("check.py"), script);

        var python = Process.Start(new ProcessStartInfo("python3", [dir.File("check.py"), Path.Combine(output, "countdown_reward.py")]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("python3 is required by this test and was not found.");
        var printed = await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync();

        Assert.Equal(0, python.ExitCode);
        Assert.Equal("""[{"acc": 1.0, "flagged": 0.0, "formatted": 1.0, "score": 1.0}, {"acc": 0.0, "flagged": 0.0, "formatted": 1.0, "score": 0.1}, {"acc": 0.0, "flagged": 0.0, "formatted": 0.0, "score": 0.0}]""" + "\n", printed);
    }

    [Fact]
    public async Task Prepare_VerlWithMaxRowsPerFile_PrintsHydraListsOfTheShards()
    {
        using var dir = new TempDirectory();
        var output = Path.GetFullPath(dir.File("out"));

        var run = await CliRun.RunAsync("prepare", "--input", WriteJsonl(dir), "--local-dir", output, "--train-size", "8", "--test-size", "2", "--verl", "--max-rows-per-file", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(
            $"'data.train_files=[\"{output}/train-00000-of-00003.parquet\",\"{output}/train-00001-of-00003.parquet\",\"{output}/train-00002-of-00003.parquet\"]' "
            + $"'data.val_files=[\"{output}/test-00000-of-00001.parquet\"]' data.max_prompt_length=256 ", run.Out);
    }
}
