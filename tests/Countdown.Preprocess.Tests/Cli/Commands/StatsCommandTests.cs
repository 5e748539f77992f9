using System.Text.Json;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class StatsCommandTests
{
    // 28 from 95, 11, 56 twice more (once reordered, once exact); 24 from 1, 3, 4, 6 needs a fraction; 100 from 1, 1, 1 is impossible.
    private const string Jsonl = """
        {"nums": [95, 11, 56], "target": 28}
        {"nums": [11, 95, 56], "target": 28}
        {"nums": [95, 11, 56], "target": 28}
        {"nums": [1, 3, 4, 6], "target": 24}
        {"nums": [1, 1, 1], "target": 100}
        {"nums": [2, 2], "target": 4}
        """;

    [Fact]
    public async Task Stats_Text_PrintsCountsRangesAndDuplicates()
    {
        using var folder = new TempDirectory();
        var path = await WriteAsync(folder, "tasks.jsonl", Jsonl);

        var (exit, output, _) = await RunAsync("stats", path);

        Assert.Equal(0, exit);
        Assert.Equal("""
            records             6
            numbers per task    2: 1   3: 4   4: 1
            targets             4 to 100
            numbers             1 to 95
            duplicates          1 exact, 1 reordered (2 dropped by --dedupe)

            """.ReplaceLineEndings("\n"), output);
    }

    [Fact]
    public async Task Stats_Solve_PrintsSolvableCountsAndDifficulty()
    {
        using var folder = new TempDirectory();
        var path = await WriteAsync(folder, "tasks.jsonl", Jsonl);

        var (exit, output, _) = await RunAsync("stats", path, "--solve");

        Assert.Equal(0, exit);
        Assert.EndsWith("""
            duplicates          1 exact, 1 reordered (2 dropped by --dedupe)
            solvable (reward)   5 (83.33%)
            solvable (integer)  4 (66.67%)
            difficulty: share of operation sequences that reach the target (lower is harder)
              0 (unsolvable)  1   16.67%  ##############
              < 0.1%          1   16.67%  ##############
              0.1-0.3%        0    0.00%
              0.3-1%          0    0.00%
              1-3%            3   50.00%  ########################################
              3-10%           0    0.00%
              10-30%          0    0.00%
              30-100%         1   16.67%  ##############

            """.ReplaceLineEndings("\n"), output);
    }

    [Fact]
    public async Task Stats_JsonWithSolve_PrintsOneObjectWithEveryFigure()
    {
        using var folder = new TempDirectory();
        var path = await WriteAsync(folder, "tasks.jsonl", Jsonl);

        var (exit, output, _) = await RunAsync("stats", path, "--solve", "--json");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(6, root.GetProperty("records").GetInt64());
        Assert.Equal(4, root.GetProperty("tasks_by_number_count").GetProperty("3").GetInt64());
        Assert.Equal(100, root.GetProperty("target").GetProperty("max").GetInt64());
        Assert.Equal(1, root.GetProperty("number").GetProperty("min").GetInt64());
        Assert.Equal(1, root.GetProperty("duplicates").GetProperty("reordered").GetInt64());
        var solve = root.GetProperty("solve");
        Assert.Equal(5, solve.GetProperty("solvable_reward").GetInt64());
        Assert.Equal(4, solve.GetProperty("solvable_integer").GetInt64());
        Assert.Equal(6, solve.GetProperty("difficulty").EnumerateArray().Sum(b => b.GetProperty("tasks").GetInt64()));
    }

    [Fact]
    public async Task Stats_GeneratedParquet_ReadsWhatGenerateWrote()
    {
        using var folder = new TempDirectory();
        var path = folder.File("generated.parquet");
        await RunAsync("generate", "-n", "1000", "-o", path, "-q");

        var (exit, output, _) = await RunAsync("stats", path, "--solve", "--json");

        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1000, root.GetProperty("records").GetInt64());
        Assert.Equal(1000, root.GetProperty("solve").GetProperty("solvable_reward").GetInt64());
        Assert.InRange(root.GetProperty("target").GetProperty("min").GetInt64(), 10, 100);
    }

    [Fact]
    public async Task Stats_MissingFile_ExitsThreeWithOneLine()
    {
        using var folder = new TempDirectory();

        var (exit, output, error) = await RunAsync("stats", folder.File("missing.jsonl"));

        Assert.Equal(3, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error);
    }

    private static async Task<string> WriteAsync(TempDirectory folder, string name, string content)
    {
        var path = folder.File(name);
        await File.WriteAllTextAsync(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CountdownCli.RunAsync(args, new CliConsole(output, error, false));
        return (exit, output.ToString(), error.ToString());
    }
}
