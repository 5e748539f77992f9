using System.Security.Cryptography;
using System.Text.Json;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class PrepareCommandTests
{
    private static readonly (long Target, long[] Nums)[] Tasks =
    [
        (28, [95, 11, 56]), (64, [79, 17, 2]), (55, [48, 3, 4, 24]), (10, [1, 2, 3, 4]), (98, [44, 19, 35]),
        (12, [3, 4, 1]), (73, [73, 2, 2]), (40, [8, 5, 3, 2]), (91, [7, 13, 1]), (21, [7, 3, 1, 1]),
        (33, [11, 3, 99]), (17, [17, 1, 1]),
    ];

    /// <summary>The row TinyZero's countdown.py writes for a task, in the read-back helper's compact JSON.</summary>
    private static string TinyZeroRow((long Target, long[] Nums) task, string split, int index)
    {
        var numbers = "[" + string.Join(", ", task.Nums) + "]";
        var prompt = "A conversation between User and Assistant. The user asks a question, and the Assistant solves it. The assistant first thinks about the reasoning process in the mind and then provides the user with the answer.\n"
            + $"User: Using the numbers {numbers}, create an equation that equals {task.Target}. You can use basic arithmetic operations (+, -, *, /) and each number can only be used once. Show your work in <think> </think> tags. And return the final answer in <answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.\n"
            + "Assistant: Let me solve this step by step.\n<think>";
        var list = "[" + string.Join(",", task.Nums) + "]";
        return $"{{\"target\":{task.Target},\"nums\":{list},\"data_source\":\"countdown\",\"prompt\":[{{\"content\":{JsonSerializer.Serialize(prompt)},\"role\":\"user\"}}],\"ability\":\"math\","
            + $"\"reward_model\":{{\"ground_truth\":{{\"numbers\":{list},\"target\":{task.Target}}},\"style\":\"rule\"}},\"extra_info\":{{\"index\":{index},\"split\":\"{split}\"}}}}";
    }

    [Fact]
    public async Task Prepare_JsonlInput_WritesTinyZeroRowsReadBackByArrow()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        var output = Path.Combine(dir.Path, "out");

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", output, "--train-size", "8", "--test-size", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        var train = await ParquetWriterTestFiles.ReadRowsAsJsonAsync(Path.Combine(output, "train.parquet"));
        var test = await ParquetWriterTestFiles.ReadRowsAsJsonAsync(Path.Combine(output, "test.parquet"));
        Assert.Equal(Tasks.Take(8).Select((t, i) => TinyZeroRow(t, "train", i)), train);
        Assert.Equal(Tasks.Skip(8).Take(3).Select((t, i) => TinyZeroRow(t, "test", i)), test);
        Assert.Equal(["test.parquet", "train.parquet"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Prepare_TinyZeroSpellings_AreAccepted()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        var output = Path.Combine(dir.Path, "out");

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local_dir", output, "--train_size", "2", "--test_size", "1", "--template_type", "qwen-instruct");

        Assert.Equal(0, run.ExitCode);
        var test = Assert.Single(await ParquetWriterTestFiles.ReadRowsAsJsonAsync(Path.Combine(output, "test.parquet")));
        // The read-back helper escapes '<' and '>' as JSON \u003C and \u003E.
        Assert.Contains("\"content\":\"\\u003C|im_start|\\u003Esystem\\nYou are a helpful assistant.", test);
        Assert.Contains("\"extra_info\":{\"index\":0,\"split\":\"test\"}", test);
    }

    [Fact]
    public async Task Prepare_ExactlyTrainPlusTestRecords_FailsLikeTinyZeroAssert()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("out"), "--train-size", "10", "--test-size", "2");

        Assert.Equal(5, run.ExitCode);
        Assert.Equal($"error: '{input}' holds 12 usable records but at least 13 are needed (more than train-size + test-size); lower --train-size or --test-size.\n", run.Error);
        Assert.False(Directory.Exists(dir.File("out")) && Directory.EnumerateFileSystemEntries(dir.File("out")).Any());
    }

    [Fact]
    public async Task Prepare_BadRecord_KeepsOldOutputsAndNamesTheLine()
    {
        using var dir = new TempDirectory();
        var input = dir.File("raw.jsonl");
        var lines = Tasks.Select(t => $"{{\"nums\": [{string.Join(", ", t.Nums)}], \"target\": {t.Target}}}").ToList();
        lines[6] = "{\"nums\": [1, 2, 3], \"target\": \"ten\"}";
        File.WriteAllLines(input, lines);
        var output = Directory.CreateDirectory(dir.File("out")).FullName;
        File.WriteAllText(Path.Combine(output, "train.parquet"), "old train");
        File.WriteAllText(Path.Combine(output, "test.parquet"), "old test");

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", output, "--train-size", "2", "--test-size", "1");

        Assert.Equal(4, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains("line 7", run.Error);
        Assert.Contains("'target'", run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal("old train", File.ReadAllText(Path.Combine(output, "train.parquet")));
        Assert.Equal("old test", File.ReadAllText(Path.Combine(output, "test.parquet")));
        Assert.Equal(2, Directory.GetFiles(output).Length);
    }

    [Fact]
    public async Task Prepare_Cancelled_ChangesNothing()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        var output = Directory.CreateDirectory(dir.File("out")).FullName;
        File.WriteAllText(Path.Combine(output, "train.parquet"), "old train");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var run = await CliRun.RunAsync(cancel.Token, "prepare", "--input", input, "--local-dir", output, "--train-size", "2", "--test-size", "1");

        Assert.Equal(130, run.ExitCode);
        Assert.Equal(["train.parquet"], Directory.GetFiles(output).Select(Path.GetFileName));
        Assert.Equal("old train", File.ReadAllText(Path.Combine(output, "train.parquet")));
    }

    [Theory]
    [InlineData(new[] { "--template", "qwen" }, 2, "error: Unknown template 'qwen'; choose one of: base, qwen-instruct, chat.")]
    [InlineData(new[] { "--train-size", "-1" }, 2, "error: --train-size '-1' is negative; give a count of 0 or more.")]
    [InlineData(new[] { "--test-size", "-5" }, 2, "error: --test-size '-5' is negative; give a count of 0 or more.")]
    public async Task Prepare_BadOption_ExitsWithUsageCode(string[] extra, int code, string message)
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);

        var run = await CliRun.RunAsync(["prepare", "--input", input, "--local-dir", dir.File("out"), .. extra]);

        Assert.Equal(code, run.ExitCode);
        Assert.Equal(message + "\n", run.Error);
    }

    [Fact]
    public async Task Prepare_MissingInput_ExitsWithInputCode()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.RunAsync("prepare", "--input", dir.File("nope.parquet"), "--local-dir", dir.File("out"));

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains("nope.parquet", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Prepare_SameInputTwice_WritesByteIdenticalFiles()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);

        await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("a"), "--train-size", "8", "--test-size", "3");
        await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("b"), "--train-size", "8", "--test-size", "3");

        foreach (var name in new[] { "train.parquet", "test.parquet" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir.File("a"), name)), File.ReadAllBytes(Path.Combine(dir.File("b"), name)));
    }

    [Fact]
    public async Task Prepare_SummaryJson_RecordsInputOptionsOutputsAndHashes()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        var output = dir.File("out");

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", output, "--train-size", "8", "--test-size", "3",
            "--compression", "zstd", "--row-group-size", "4", "--summary-json", "-");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(run.Out);
        var root = summary.RootElement;
        Assert.Equal("countdown-preprocess", root.GetProperty("tool").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        Assert.Equal(input, root.GetProperty("input").GetProperty("path").GetString());
        Assert.Equal("jsonl", root.GetProperty("input").GetProperty("format").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(input))), root.GetProperty("input").GetProperty("sha256").GetString());
        Assert.Equal(12, root.GetProperty("input").GetProperty("records").GetInt64());
        var options = root.GetProperty("options");
        Assert.Equal(8, options.GetProperty("train_size").GetInt64());
        Assert.Equal(3, options.GetProperty("test_size").GetInt64());
        Assert.Equal("base", options.GetProperty("template").GetString());
        Assert.Equal("zstd", options.GetProperty("compression").GetString());
        Assert.Equal(4, options.GetProperty("row_group_size").GetInt32());
        var outputs = root.GetProperty("outputs").EnumerateArray().ToArray();
        Assert.Equal(2, outputs.Length);
        foreach (var (entry, name, rows) in new[] { (outputs[0], "train.parquet", 8), (outputs[1], "test.parquet", 3) })
        {
            var path = Path.Combine(Path.GetFullPath(output), name);
            Assert.Equal(path, entry.GetProperty("path").GetString());
            Assert.Equal(rows, entry.GetProperty("rows").GetInt64());
            Assert.Equal(new FileInfo(path).Length, entry.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), entry.GetProperty("sha256").GetString());
        }
        Assert.True(root.GetProperty("seconds").GetDouble() >= 0);
    }
}
