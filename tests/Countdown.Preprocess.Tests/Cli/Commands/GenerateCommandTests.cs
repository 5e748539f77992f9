using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;
using ParquetSharp;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Generate_Parquet_WritesCountSolvableTasksAndExitsZero()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.parquet");

        var (exit, _, error) = await RunAsync("generate", "--count", "500", "--output", path, "--seed", "9", "--quiet");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var file = new ParquetFileReader(path);
        Assert.Equal(500, file.FileMetaData.NumRows);
    }

    [Fact]
    public async Task Generate_SameSeed_WritesIdenticalFiles()
    {
        using var folder = new TempDirectory();

        await RunAsync("generate", "-n", "2000", "-o", folder.File("a.jsonl"), "--seed", "17", "--rule", "integer", "-q");
        await RunAsync("generate", "-n", "2000", "-o", folder.File("b.jsonl"), "--seed", "17", "--rule", "integer", "-q");

        Assert.Equal(await File.ReadAllBytesAsync(folder.File("a.jsonl")), await File.ReadAllBytesAsync(folder.File("b.jsonl")));
    }

    [Fact]
    public async Task Generate_OneCoreOrEvery_WritesIdenticalFiles()
    {
        // Tasks are drawn on every core, each from its own seeded stream: the bytes must not depend on how many
        // threads drew them. 40,000 tasks span several generator batches.
        using var folder = new TempDirectory();
        string[] args = ["generate", "-n", "40000", "--seed", "23", "-q", "-o"];

        using (var one = CliProcess.Start([.. args, folder.File("one.parquet")], ("DOTNET_PROCESSOR_COUNT", "1")))
            Assert.Equal(0, (await one.WaitAsync()).ExitCode);
        using (var many = CliProcess.Start([.. args, folder.File("many.parquet")], ("DOTNET_PROCESSOR_COUNT", "8")))
            Assert.Equal(0, (await many.WaitAsync()).ExitCode);

        Assert.Equal(await File.ReadAllBytesAsync(folder.File("one.parquet")), await File.ReadAllBytesAsync(folder.File("many.parquet")));
    }

    [Fact]
    public async Task Generate_CsvWithRanges_EveryRowInRangeAndSolvable()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.csv");

        var (exit, _, _) = await RunAsync("generate", "-n", "300", "-o", path, "--numbers", "2-3", "--values", "1-9", "--targets", "1-20", "--rule", "integer", "-q");

        Assert.Equal(0, exit);
        var rows = (await File.ReadAllLinesAsync(path)).Skip(1).Select(ParseCsvRow).ToArray();
        Assert.Equal(300, rows.Length);
        Assert.All(rows, task =>
        {
            Assert.InRange(task.Target, 1, 20);
            Assert.InRange(task.Nums.Length, 2, 3);
            Assert.All(task.Nums, n => Assert.InRange(n, 1, 9));
            Assert.True(CountdownSolver.Solve(task).SolvableInteger);
        });
    }

    [Theory]
    [InlineData("--targets", "100-10", "error: --targets '100-10' starts above its end; write the smaller number first, e.g. '10-100'.")]
    [InlineData("--count", "0", "error: --count '0' is not a positive number; ask for at least 1 task.")]
    [InlineData("--values", "1-2", "error: No task of 3 number(s) from '1-2' can reach a target in '10-100' (the largest reachable magnitude is 8)")]
    public async Task Generate_BadOption_ExitsTwoWithOneLineAndNoFile(string option, string value, string expectedStart)
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.parquet");
        var args = new List<string> { "generate", "-o", path, option, value };
        if (option != "--count") args.AddRange(["--count", "10"]);

        var (exit, _, error) = await RunAsync([.. args]);

        Assert.Equal(2, exit);
        Assert.StartsWith(expectedStart, error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    private static CountdownTask ParseCsvRow(string line)
    {
        var comma = line.IndexOf(',');
        var nums = line[(comma + 3)..^2].Split(", ").Select(long.Parse).ToArray();
        return new CountdownTask(long.Parse(line[..comma]), nums);
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CountdownCli.RunAsync(args, new CliConsole(output, error, false));
        return (exit, output.ToString(), error.ToString());
    }
}
