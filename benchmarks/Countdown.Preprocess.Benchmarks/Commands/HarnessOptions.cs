using System.CommandLine;
using Countdown.Preprocess.Benchmarks.Harness;

namespace Countdown.Preprocess.Benchmarks.Commands;

/// <summary>Options several benchmarks share; each call makes a fresh option for one command.</summary>
internal static class HarnessOptions
{
    public static Option<FileInfo> Input() => new Option<FileInfo>("--input", "-i")
    {
        Description = "The raw tasks Parquet file (e.g. the 490,364-row countdown-tasks file).",
        Required = true,
    }.AcceptExistingOnly();

    public static Option<int> Runs(int defaultRuns)
    {
        var runs = new Option<int>("--runs")
        {
            Description = "Measured runs per contender, after one warm-up run each; the table reports medians.",
            DefaultValueFactory = _ => defaultRuns,
        };
        runs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError($"--runs is '{r.GetValueOrDefault<int>()}'; give at least 1.");
        });
        return runs;
    }

    public static Option<string> Cli() => new("--cli")
    {
        Description = "The countdown-preprocess CLI to measure: a .dll (run with dotnet) or an executable. Default: the Release build in src/.",
        DefaultValueFactory = _ => Launcher.DefaultCliPath,
    };

    public static Option<string?> WorkDir() => new("--work-dir")
    {
        Description = "Where runs write their output (a scratch folder is made and deleted inside). Default: the system temp folder.",
    };

    public static Option<string?> Results() => new("--results")
    {
        Description = "Also write the Markdown report to this file, e.g. benchmarks/results/prepare-vs-duckdb.md.",
    };

    /// <summary>Fails early with a fix hint when the CLI has not been built.</summary>
    public static void RequireCli(string cliPath)
    {
        if (!File.Exists(cliPath))
            throw new BenchmarkFailure($"The CLI '{cliPath}' does not exist; build it with 'dotnet build -c Release src/Countdown.Preprocess.Cli' or pass --cli.");
    }
}
