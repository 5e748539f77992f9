using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class StatsCommandSolveTests
{
    [Fact]
    public async Task Stats_SolveTaskWithAMillionNumbers_ExitsBadRecord()
    {
        using var folder = new TempDirectory();
        var path = folder.WriteJsonl([(24, [2, 3, 4]), (10, Enumerable.Repeat(1L, 1_000_000).ToArray())]);

        var run = await CliRun.RunAsync("stats", path, "--solve");

        Assert.Equal(ExitCodes.BadRecord, run.ExitCode);
        Assert.Equal($"error: Task 2 of '{path}' holds 1000000 numbers but --solve handles at most 6; drop larger tasks, or run stats without --solve.\n", run.Error.ReplaceLineEndings("\n"));
    }
}
