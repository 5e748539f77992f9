using System.Text.Json;
using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class PrepareCommandFilterTests
{
    private static async Task<List<(long Target, long[] Nums, JsonElement ExtraInfo, JsonElement Prompt)>> ReadAsync(string path)
        => (await ParquetWriterTestFiles.ReadRowsAsJsonAsync(path)).Select(json =>
        {
            var row = JsonDocument.Parse(json).RootElement;
            return (row.GetProperty("target").GetInt64(), row.GetProperty("nums").EnumerateArray().Select(n => n.GetInt64()).ToArray(),
                row.GetProperty("extra_info").Clone(), row.GetProperty("prompt").Clone());
        }).ToList();

    private static readonly (long, long[])[] Tasks =
    [
        (28, [95, 11, 56]), (28, [56, 95, 11]), (100, [1, 1, 1]), (10, [1, 2, 3, 4]), (64, [79, 17, 2]),
        (28, [95, 11, 56]), (98, [44, 19, 35]), (12, [3, 4, 1]), (51, [48, 3, 4, 24]), (40, [8, 5, 3, 2]),
    ];

    [Fact]
    public async Task Prepare_Dedupe_DropsReorderedRepeatsKeepingFirst()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("out"), "--train-size", "5", "--test-size", "1", "--dedupe", "--summary-json", "-");

        Assert.Equal(0, run.ExitCode);
        var train = await ReadAsync(Path.Combine(dir.File("out"), "train.parquet"));
        Assert.Equal([28L, 100, 10, 64, 98], train.Select(r => r.Target));
        Assert.Equal([95L, 11, 56], train[0].Nums);
        var filters = JsonDocument.Parse(run.Out).RootElement.GetProperty("filters");
        Assert.Equal(2, filters.GetProperty("duplicates_removed").GetInt64());
        Assert.Equal(8, filters.GetProperty("usable_records").GetInt64());
    }

    [Fact]
    public async Task Prepare_SolvableOnly_DropsUnsolvableTasks()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("out"), "--train-size", "3", "--test-size", "1", "--solvable-only", "--summary-json", "-");

        Assert.Equal(0, run.ExitCode);
        var train = await ReadAsync(Path.Combine(dir.File("out"), "train.parquet"));
        Assert.Equal([28L, 28, 10], train.Select(r => r.Target));
        Assert.Equal(1, JsonDocument.Parse(run.Out).RootElement.GetProperty("filters").GetProperty("unsolvable_removed").GetInt64());
    }

    [Fact]
    public async Task Prepare_StrictSizeCheck_AppliesToWhatRemainsAfterFilters()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("out"), "--train-size", "6", "--test-size", "2", "--dedupe");

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("holds 8 usable records but at least 9 are needed", run.Error);
    }

    [Fact]
    public async Task Prepare_ShuffleWithSeed_UsesTheDocumentedPermutation()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("out"), "--train-size", "7", "--test-size", "2", "--shuffle", "--seed", "7");

        Assert.Equal(0, run.ExitCode);
        var order = SeededShuffle.Permutation(Tasks.Length, 7);
        var train = await ReadAsync(Path.Combine(dir.File("out"), "train.parquet"));
        var test = await ReadAsync(Path.Combine(dir.File("out"), "test.parquet"));
        Assert.Equal(order.Take(7).Select(i => Tasks[i].Item1), train.Select(r => r.Target));
        Assert.Equal(order.Skip(7).Take(2).Select(i => Tasks[i].Item1), test.Select(r => r.Target));
        Assert.NotEqual(Enumerable.Range(0, Tasks.Length), order);
    }

    [Fact]
    public async Task Prepare_AddSolution_WritesSolutionsTheRewardScoresOne()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks.Where(t => t.Item1 != 100));

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("out"), "--train-size", "6", "--test-size", "2", "--add-solution");

        Assert.Equal(0, run.ExitCode);
        var rows = (await ReadAsync(Path.Combine(dir.File("out"), "train.parquet"))).Concat(await ReadAsync(Path.Combine(dir.File("out"), "test.parquet"))).ToList();
        Assert.Equal(8, rows.Count);
        foreach (var row in rows)
        {
            var solution = row.ExtraInfo.GetProperty("solution").GetString();
            Assert.NotNull(solution);
            Assert.True(SolverRewardEvaluator.Scores(solution, row.Nums, row.Target), $"'{solution}' does not reach {row.Target} with [{string.Join(", ", row.Nums)}]");
        }
    }

    [Fact]
    public async Task Prepare_ChatTemplate_WritesSystemAndUserMessages()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("out"), "--train-size", "1", "--test-size", "1", "--template", "chat");

        Assert.Equal(0, run.ExitCode);
        var prompt = (await ReadAsync(Path.Combine(dir.File("out"), "train.parquet")))[0].Prompt;
        Assert.Equal(2, prompt.GetArrayLength());
        Assert.Equal("system", prompt[0].GetProperty("role").GetString());
        Assert.Equal("You are a helpful assistant. You first thinks about the reasoning process in the mind and then provides the user with the answer.", prompt[0].GetProperty("content").GetString());
        Assert.Equal("user", prompt[1].GetProperty("role").GetString());
        Assert.Equal("Using the numbers [95, 11, 56], create an equation that equals 28. You can use basic arithmetic operations (+, -, *, /) and each number can only be used once. Show your work in <think> </think> tags. And return the final answer in <answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.", prompt[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Prepare_TemplateFile_RendersTheUsersMessages()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        File.WriteAllText(dir.File("template.json"), """[{"role": "user", "content": "Reach {target} with {numbers}."}]""");

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("out"), "--train-size", "1", "--test-size", "1", "--template-file", dir.File("template.json"));

        Assert.Equal(0, run.ExitCode);
        var prompt = (await ReadAsync(Path.Combine(dir.File("out"), "test.parquet")))[0].Prompt;
        Assert.Equal("Reach 28 with [56, 95, 11].", Assert.Single(prompt.EnumerateArray()).GetProperty("content").GetString());
    }

    [Fact]
    public async Task Prepare_BadTemplateFile_FailsBeforeWritingAnything()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        File.WriteAllText(dir.File("template.json"), """{"role": "user"}""");

        var run = await CliRun.RunAsync("prepare", "--input", input, "--local-dir", dir.File("out"), "--train-size", "1", "--test-size", "1", "--template-file", dir.File("template.json"));

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains("template.json", run.Error);
        Assert.False(Directory.Exists(dir.File("out")));
    }
}
