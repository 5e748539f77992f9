using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli;

/// <summary>The command line behaves as Unix tools do: positional inputs, short parse errors, warnings for options without effect.</summary>
public sealed class CliHabitsTests
{
    private static readonly string Tasks2k = RepositoryFiles.Path("samples", "raw", "countdown-tasks-2k.jsonl");

    [Fact]
    public async Task Parse_MistypedOption_SuggestsOnlyTheNearOptionAndOneHelpLine()
    {
        var run = await CliRun.RunAsync("prepare", "--train_szie", "5");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: Unknown option '--train_szie'; did you mean '--train_size'?\nTry 'countdown-preprocess prepare --help'.\n",
            run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Parse_UnknownOptionFarFromAny_SuggestsNothing()
    {
        var run = await CliRun.RunAsync("prepare", "-x");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: Unknown option '-x'.\nTry 'countdown-preprocess prepare --help'.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Parse_HelpBesideAnOptionLikeArgument_ShowsTheHelp()
    {
        var run = await CliRun.RunAsync("prepare", "-x", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Description:", run.Out);
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("abc")]
    public async Task Parse_SizeNotAWholeNumber_SaysSoWithoutDotNetTypeNames(string value)
    {
        var run = await CliRun.RunAsync("prepare", "--train-size", value);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: '{value}' is not a whole number; --train-size takes a whole number.\n", run.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("System.", run.Error);
        Assert.DoesNotContain("Description:", run.Error + run.Out);
    }

    [Fact]
    public async Task Prepare_PositionalInput_ReadsThatFile()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.RunAsync("prepare", "-q", Tasks2k, "--local-dir", dir.Path, "--train-size", "10", "--test-size", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "train.parquet")));
    }

    [Fact]
    public async Task Prepare_PositionalAndInputOption_IsAUsageError()
    {
        var run = await CliRun.RunAsync("prepare", Tasks2k, "--input", Tasks2k);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The input is given twice", run.Error);
    }

    [Theory]
    [InlineData("--seed 7", "--seed has no effect without --shuffle")]
    [InlineData("--max-prompt-length 512", "--max-prompt-length has no effect without --verl")]
    public async Task Prepare_OptionWithoutEffect_Warns(string option, string warning)
    {
        using var dir = new TempDirectory();

        // Logs go to the process's standard error, so run the CLI as its own process.
        var run = await ShellRun.RunAsync(dir.Path, $"{ShellRun.CliCommand} prepare '{Tasks2k}' --local-dir out --train-size 10 --test-size 5 -q {option}");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(warning, run.Output);
    }

    [Fact]
    public async Task Prepare_SeedWithShuffle_DoesNotWarn()
    {
        using var dir = new TempDirectory();

        var run = await ShellRun.RunAsync(dir.Path, $"{ShellRun.CliCommand} prepare '{Tasks2k}' --local-dir out --train-size 10 --test-size 5 -q --shuffle --seed 7");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("no effect", run.Output);
    }

    [Fact]
    public async Task Generate_DefaultSeed_IsPrepareShuffleDefault42()
    {
        using var dir = new TempDirectory();

        await CliRun.RunAsync("generate", "-q", "-n", "20", "-o", Path.Combine(dir.Path, "default.jsonl"));
        await CliRun.RunAsync("generate", "-q", "-n", "20", "-o", Path.Combine(dir.Path, "seed42.jsonl"), "--seed", "42");

        Assert.Equal(File.ReadAllText(Path.Combine(dir.Path, "seed42.jsonl")), File.ReadAllText(Path.Combine(dir.Path, "default.jsonl")));
    }

    [Fact]
    public async Task Generate_JsonOutput_IsAnArrayThatPrepareReads()
    {
        using var dir = new TempDirectory();
        var tasks = Path.Combine(dir.Path, "tasks.json");

        var generated = await CliRun.RunAsync("generate", "-q", "-n", "30", "-o", tasks);
        var prepared = await CliRun.RunAsync("prepare", "-q", tasks, "--local-dir", Path.Combine(dir.Path, "out"), "--train-size", "20", "--test-size", "5");

        Assert.Equal(0, generated.ExitCode);
        Assert.StartsWith("[{\"target\": ", File.ReadAllText(tasks));
        Assert.Equal(0, prepared.ExitCode);
    }

    [Fact]
    public async Task Inspect_InputFormat_OverridesTheExtension()
    {
        using var dir = new TempDirectory();
        var misnamed = Path.Combine(dir.Path, "tasks.csv");
        File.Copy(Tasks2k, misnamed);

        var forced = await CliRun.RunAsync("inspect", misnamed, "--input-format", "jsonl", "--rows", "0");

        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("Format:      JSON Lines", forced.Out);
    }

    [Fact]
    public async Task Score_RuleTinyzero_ScoresAsTheOldStrictFalse()
    {
        var answers = RepositoryFiles.Path("samples", "answers.jsonl");

        var rule = await CliRun.RunAsync("score", answers, "--rule", "tinyzero");
        var old = await CliRun.RunAsync("score", "--input", answers, "--strict", "false", "--format", "jsonl");
        var strict = await CliRun.RunAsync("score", answers);

        Assert.Equal(0, rule.ExitCode);
        Assert.Equal(old.Out, rule.Out);
        Assert.NotEqual(strict.Out, rule.Out);
    }

    [Fact]
    public async Task Score_RuleAndOldStrictDisagree_IsAnOptionError()
    {
        var run = await CliRun.RunAsync("score", RepositoryFiles.Path("samples", "answers.jsonl"), "--rule", "strict", "--strict", "false");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("disagree", run.Error);
    }

    [Fact]
    public async Task Validate_PromptsOfACustomTemplate_HintAtTemplateFileAndPassWithIt()
    {
        var folder = RepositoryFiles.Path("samples", "prepared", "custom");

        var without = await CliRun.RunAsync("validate", folder);
        var with = await CliRun.RunAsync("validate", folder, "--template-file", RepositoryFiles.Path("samples", "templates", "short.json"));

        Assert.Equal(8, without.ExitCode);
        Assert.Contains("hint: every error is a prompt that matches no built-in template", without.Out);
        Assert.Contains("… 1,516 more not shown (1,536 in all).", without.Out);
        Assert.Equal(0, with.ExitCode);
        Assert.DoesNotContain("hint:", with.Out);
    }
}
