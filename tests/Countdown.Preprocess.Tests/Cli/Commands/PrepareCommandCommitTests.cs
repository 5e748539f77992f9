using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

/// <summary>prepare's outputs move into place all together or not at all, and the message says which.</summary>
public sealed class PrepareCommandCommitTests
{
    private static readonly (long Target, long[] Nums)[] Tasks =
    [
        (28, [95, 11, 56]), (64, [79, 17, 2]), (55, [48, 3, 4, 24]), (10, [1, 2, 3, 4]), (98, [44, 19, 35]),
        (12, [3, 4, 1]), (73, [73, 2, 2]), (40, [8, 5, 3, 2]), (91, [7, 13, 1]), (21, [7, 3, 1, 1]),
        (33, [11, 3, 99]), (17, [17, 1, 1]),
    ];

    private static string[] Prepare(string input, string output, params string[] extra)
        => ["prepare", "--input", input, "--local-dir", output, "--train-size", "8", "--test-size", "3", .. extra];

    /// <summary>An output folder holding a train.parquet and test.parquet from an earlier run.</summary>
    private static async Task<string> OldOutputAsync(TempDirectory dir, string input)
    {
        var output = dir.File("out");
        var run = await CliRun.RunAsync(["prepare", "--input", input, "--local-dir", output, "--train-size", "5", "--test-size", "2"]);
        Assert.Equal(0, run.ExitCode);
        return output;
    }

    private static Dictionary<string, byte[]> Snapshot(string folder)
        => Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public async Task Prepare_TestNameIsFolder_KeepsOldTrainAndSaysNothingChanged()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        var output = await OldOutputAsync(dir, input);
        File.Delete(Path.Combine(output, "test.parquet"));
        Directory.CreateDirectory(Path.Combine(output, "test.parquet"));
        var before = Snapshot(output);

        var run = await CliRun.RunAsync(Prepare(input, output));

        Assert.Equal(6, run.ExitCode);
        Assert.Contains($"'{Path.Combine(output, "test.parquet")}' is a folder", run.Error);
        Assert.Contains("No output was changed.", run.Error);
        Assert.Equal(before, Snapshot(output));
    }

    [Fact]
    public async Task Prepare_VerlRewardNameIsFolder_KeepsOldSplits()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        var output = await OldOutputAsync(dir, input);
        Directory.CreateDirectory(Path.Combine(output, "countdown_reward.py"));
        var before = Snapshot(output);

        var run = await CliRun.RunAsync(Prepare(input, output, "--verl"));

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("countdown_reward.py' is a folder", run.Error);
        Assert.Equal("", run.Out);
        Assert.Equal(before, Snapshot(output));
    }

    [Fact]
    public async Task Prepare_SummaryJsonIsFolder_KeepsOldSplitsAndNamesTheSummaryOption()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        var output = await OldOutputAsync(dir, input);
        Directory.CreateDirectory(dir.File("summary.json"));
        var before = Snapshot(output);

        var run = await CliRun.RunAsync(Prepare(input, output, "--summary-json", dir.File("summary.json")));

        Assert.Equal(6, run.ExitCode);
        Assert.Contains($"'{dir.File("summary.json")}' is a folder, so the new file cannot take its name; remove it or choose another --summary-json. No output was changed.", run.Error);
        Assert.DoesNotContain("--local-dir", run.Error);
        Assert.Equal(before, Snapshot(output));
    }

    [Fact]
    public async Task Prepare_SummaryJsonUnderAFile_KeepsOldSplitsAndSaysWhy()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        var output = await OldOutputAsync(dir, input);
        var before = Snapshot(output);

        var run = await CliRun.RunAsync(Prepare(input, output, "--summary-json", Path.Combine(input, "summary.json")));

        Assert.Equal(6, run.ExitCode);
        Assert.Contains($"'{input}' is a file, not a folder; choose another --summary-json. No output was changed.", run.Error);
        Assert.Equal(before, Snapshot(output));
    }

    [Fact]
    public async Task Prepare_SummaryJsonFile_IsWrittenWithTheOutputs()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);

        var run = await CliRun.RunAsync(Prepare(input, dir.File("out"), "--summary-json", dir.File("reports/summary.json")));

        Assert.Equal(0, run.ExitCode);
        var summary = await File.ReadAllTextAsync(dir.File("reports/summary.json"));
        Assert.Contains("\"tool\": \"countdown-preprocess\"", summary);
        Assert.EndsWith("}\n", summary);
        Assert.Equal(["out/test.parquet", "out/train.parquet", "raw.jsonl", "reports/summary.json"], dir.Files());
    }

    [Fact]
    public async Task Prepare_EmptyLocalDir_RefusesWithInvalidOption()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        var before = Directory.GetFileSystemEntries(Environment.CurrentDirectory);

        var run = await CliRun.RunAsync(Prepare(input, ""));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--local-dir '' is empty", run.Error);
        Assert.Equal(before, Directory.GetFileSystemEntries(Environment.CurrentDirectory));
    }

    [Fact]
    public async Task Prepare_FailsInNewFolder_RemovesTheFolderItCreated()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);

        var run = await CliRun.RunAsync(["prepare", "--input", input, "--local-dir", dir.File("new/out"), "--train-size", "100", "--test-size", "3"]);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal(["raw.jsonl"], dir.Files());
        Assert.Equal(["raw.jsonl"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Prepare_LocalDirIsDanglingSymlink_SaysTheLinkIsBroken()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        Directory.CreateSymbolicLink(dir.File("out"), dir.File("gone"));

        var run = await CliRun.RunAsync(Prepare(input, dir.File("out")));

        Assert.Equal(6, run.ExitCode);
        Assert.Contains($"'{dir.File("out")}' is a symbolic link to '{dir.File("gone")}', which does not exist", run.Error);
        Assert.DoesNotContain("already exists", run.Error);
        Assert.False(Directory.Exists(dir.File("gone")));
    }

    [TmpfsFact]
    public async Task Prepare_VerlDiskFullWritingRewardFunction_ExitsWithOutputFailed()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        var reference = await CliRun.RunAsync(Prepare(input, dir.File("reference"), "--verl"));
        Assert.Equal(0, reference.ExitCode);
        static long Pages(string path) => (new FileInfo(path).Length + 4095) / 4096 * 4096;
        var splits = Pages(dir.File("reference/train.parquet")) + Pages(dir.File("reference/test.parquet"));
        using var disk = new Tmpfs(dir.File("disk"), "1m");
        disk.FillLeaving(splits);

        var run = await CliRun.RunAsync(Prepare(input, Path.Combine(disk.Path, "out"), "--verl"));

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("countdown_reward.py", run.Error);
        Assert.Contains("No output was changed.", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(["filler"], Directory.GetFileSystemEntries(disk.Path).Select(Path.GetFileName));
    }

    [TmpfsFact]
    public async Task Prepare_DiskFullWritingSplits_ExitsWithOutputFailed()
    {
        using var dir = new TempDirectory();
        var input = dir.WriteJsonl(Tasks);
        using var disk = new Tmpfs(dir.File("disk"), "1m");
        disk.FillLeaving(4096);

        var run = await CliRun.RunAsync(Prepare(input, Path.Combine(disk.Path, "out")));

        Assert.Equal(6, run.ExitCode);
        Assert.Contains(".parquet' failed: No space left on device", run.Error);
        Assert.Contains("No output was changed.", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(["filler"], Directory.GetFileSystemEntries(disk.Path).Select(Path.GetFileName));
    }
}
