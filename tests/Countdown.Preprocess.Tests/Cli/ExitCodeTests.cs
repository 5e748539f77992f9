using System.Reflection;
using System.Text.RegularExpressions;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli;

/// <summary>The README's exit-code table is true: each documented failure, run as a user runs it, exits with its code.</summary>
public sealed partial class ExitCodeTests
{
    // {out} is a fresh folder; paths are relative to the repository root, where the commands run.
    public static TheoryData<int, string> DocumentedFailures() => new()
    {
        { ExitCodes.Success, "prepare samples/raw/countdown-tasks-2k.jsonl --local-dir {out} --train-size 100 --test-size 10" },
        { ExitCodes.UsageOrBug, "prepare --train_szie 5" },
        { ExitCodes.UsageOrBug, "prepare --train-size 1e3" },
        { ExitCodes.UsageOrBug, "score" },
        { ExitCodes.InvalidOption, "prepare samples/raw/countdown-tasks-2k.jsonl --local-dir {out} --train-size -1" },
        { ExitCodes.InvalidOption, "prepare samples/raw/countdown-tasks-2k.jsonl --local-dir {out} --template nope" },
        { ExitCodes.InvalidOption, "generate -n 10 -o {out}/t.jsonl --targets 1000-2000 --values 1-5" },
        { ExitCodes.InvalidOption, "prepare samples/bad/tasks.txt --local-dir {out}" },
        { ExitCodes.InputUnreadable, "prepare missing.jsonl --local-dir {out}" },
        { ExitCodes.InputUnreadable, "prepare samples/bad/truncated.parquet --local-dir {out}" },
        { ExitCodes.InputUnreadable, "prepare samples/raw/countdown-tasks-2k.jsonl --local-dir {out} --template-file samples/bad/template-unknown-role.json" },
        { ExitCodes.InputUnreadable, "validate samples/prepared/base --template-file samples/bad/template-unknown-role.json" },
        { ExitCodes.InputUnreadable, "inspect missing.parquet" },
        { ExitCodes.BadRecord, "prepare samples/bad/float-target.jsonl --local-dir {out} --train-size 0 --test-size 0" },
        { ExitCodes.NotEnoughTasks, "prepare samples/raw/countdown-tasks-2k.jsonl --local-dir {out}" },
        { ExitCodes.OutputFailed, "prepare samples/raw/countdown-tasks-2k.jsonl --local-dir samples/answers.jsonl --train-size 10 --test-size 10" },
        { ExitCodes.HubFailed, "prepare hf://datasets/test-owner/not-cached --offline --local-dir {out}" },
        { ExitCodes.ValidationFailed, "validate samples/prepared/custom" },
    };

    [Theory]
    [MemberData(nameof(DocumentedFailures))]
    public async Task Cli_DocumentedFailure_ExitsWithItsCode(int expected, string arguments)
    {
        using var dir = new TempDirectory();

        var run = await ShellRun.RunAsync(RepositoryFiles.Root, $"{ShellRun.CliCommand} {arguments.Replace("{out}", dir.Path)}",
            ("COUNTDOWN_CACHE", Path.Combine(dir.Path, "cache")));

        Assert.True(expected == run.ExitCode, $"'{arguments}' exited {run.ExitCode}, not {expected}:\n{run.Output}");
    }

    [Fact]
    public async Task Cli_CancelledBeforeItEnds_ExitsWithCancelled()
    {
        using var dir = new TempDirectory();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.RunAsync(cancelled.Token, "prepare", "-q", RepositoryFiles.Path("samples", "raw", "countdown-tasks-490k.parquet"), "--local-dir", dir.Path);

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Readme_ExitCodeTable_ListsEveryNamedCodeAndEachHasAFailureHere()
    {
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        var table = readme[readme.IndexOf("## Exit codes", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var documented = TableCode().Matches(table).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var named = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetValue(null)!).ToHashSet();
        var tested = DocumentedFailures().Select(row => (int)row[0]).Append(ExitCodes.Cancelled).ToHashSet();

        Assert.Equal(named.Order(), documented.Order());
        Assert.Equal(named.Order(), tested.Order());
    }

    [GeneratedRegex(@"^\| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex TableCode();
}
