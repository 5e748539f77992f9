using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Samples;

/// <summary>The committed samples are what the tool makes today, and every input format of the small set agrees.</summary>
public sealed class SamplesTests
{
    [Theory]
    [InlineData("countdown-tasks-2k.parquet")]
    [InlineData("countdown-tasks-2k.jsonl")]
    [InlineData("countdown-tasks-2k.json")]
    [InlineData("countdown-tasks-2k.csv")]
    [InlineData("countdown-tasks-2k.tsv")]
    public async Task Prepare_EachSampleFormat_ReproducesTheCommittedBaseOutputByteForByte(string raw)
    {
        using var dir = new TempDirectory();

        var run = await CliRun.RunAsync("prepare", "-q", "--input", RepositoryFiles.Path("samples", "raw", raw), "--local-dir", dir.Path,
            "--train-size", "1536", "--test-size", "256", "--template", "base");

        Assert.Equal(0, run.ExitCode);
        foreach (var name in new[] { "train.parquet", "test.parquet" })
            Assert.True(File.ReadAllBytes(RepositoryFiles.Path("samples", "prepared", "base", name)).SequenceEqual(File.ReadAllBytes(Path.Combine(dir.Path, name))),
                $"samples/prepared/base/{name} differs from what prepare makes of {raw} today; rerun samples/make-samples.sh.");
    }

    [Fact]
    public async Task MakeSamples_Today_ReproducesEveryCommittedSampleByteForByte()
    {
        using var dir = new TempDirectory();

        var run = await ShellRun.RunAsync(RepositoryFiles.Root, "bash samples/make-samples.sh",
            ("SAMPLES_OUT", dir.Path), ("CLI", ShellRun.CliCommand));

        Assert.True(run.ExitCode == 0, $"make-samples.sh failed: {run.Output}");
        var committed = GeneratedFiles(RepositoryFiles.Path("samples"), except: ["README.md", "make-samples.sh", "templates/short.json", "tokenizer-tiny/tokenizer.json", "tokenizer-tiny/tokenizer_config.json"]);
        var made = GeneratedFiles(dir.Path, except: []);
        Assert.Equal(made, committed);
        foreach (var file in made)
            Assert.True(File.ReadAllBytes(RepositoryFiles.Path("samples", file)).SequenceEqual(File.ReadAllBytes(Path.Combine(dir.Path, file))),
                $"samples/{file} differs from what samples/make-samples.sh makes today; rerun bash samples/make-samples.sh.");
    }

    private static List<string> GeneratedFiles(string root, string[] except)
        => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !except.Contains(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public async Task Validate_CommittedPreparedSamples_Pass()
    {
        var run = await CliRun.RunAsync("validate", "--strict", RepositoryFiles.Path("samples", "prepared", "base"), RepositoryFiles.Path("samples", "prepared", "chat"));
        var custom = await CliRun.RunAsync("validate", "--strict", RepositoryFiles.Path("samples", "prepared", "custom"),
            "--template-file", RepositoryFiles.Path("samples", "templates", "short.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, custom.ExitCode);
    }

    [Fact]
    public async Task Stats_FullSizeSample_HoldsAsManyTasksAsTheHuggingFaceFile()
    {
        var run = await CliRun.RunAsync("stats", "--json", RepositoryFiles.Path("samples", "raw", "countdown-tasks-490k.parquet"));

        Assert.Equal(0, run.ExitCode);
        using var stats = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal(490_364, stats.RootElement.GetProperty("records").GetInt64());
    }
}
