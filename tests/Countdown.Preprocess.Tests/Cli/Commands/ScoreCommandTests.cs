using System.Text.Json;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

public sealed class ScoreCommandTests
{
    private const string Rows =
        """
        {"target": 6, "nums": [1, 2, 3], "response": "<think>easy</think>\n<answer>1+2+3</answer>"}
        {"target": 8, "nums": [2, 3], "response": "<answer>2**3</answer>"}
        {"target": 7, "nums": [1, 2, 3], "response": "<answer>1+2+3</answer>"}
        {"target": 5, "nums": [2, 3], "response": "I think it is 5"}
        """;

    [Fact]
    public async Task Run_JsonLines_PrintsOneJsonLinePerRowAndTotals()
    {
        using var folder = new ScoringTempDirectory();
        var input = folder.File("answers.jsonl");
        await File.WriteAllTextAsync(input, Rows);

        var (code, output, errors) = await RunAsync("score", "--input", input);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(
            """
            {"index":0,"score":1.0,"acc":1.0,"formatted":1.0,"flagged":0.0,"reason":"ok"}
            {"index":1,"score":0.1,"acc":0.0,"formatted":1.0,"flagged":1.0,"reason":"not-strict"}
            {"index":2,"score":0.1,"acc":0.0,"formatted":1.0,"flagged":0.0,"reason":"wrong-value"}
            {"index":3,"score":0.0,"acc":0.0,"formatted":0.0,"flagged":0.0,"reason":"no-answer"}

            """, output.ReplaceLineEndings("\n"));
        Assert.Equal("Scored 4 rows: mean score 0.3000, accuracy 25.00 %, formatted 75.00 %, flagged 1.\n", errors.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Run_StrictFalseWithJson_AcceptsTinyZeroHackAndPrintsJsonTotals()
    {
        using var folder = new ScoringTempDirectory();
        var input = folder.File("answers.jsonl");
        await File.WriteAllTextAsync(input, Rows);
        var summary = folder.File("summary.json");

        var (code, output, errors) = await RunAsync("score", "-i", input, "--strict", "false", "--json", "--summary-json", summary);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("""{"index":1,"score":1.0,"acc":1.0,"formatted":1.0,"flagged":1.0,"reason":"not-strict"}""", output);
        const string totals = """{"rows":4,"mean_score":0.525,"accuracy":0.5,"formatted":0.75,"flagged":1}""";
        Assert.Equal(totals, errors.Trim());
        Assert.Equal(totals, (await File.ReadAllTextAsync(summary)).Trim());
        using var parsed = JsonDocument.Parse(totals);
    }

    [Fact]
    public async Task Run_TinyZeroMode_ScoresTheLogAsTinyZeroDoes()
    {
        using var folder = new ScoringTempDirectory();
        var input = folder.File("logs.jsonl");
        await File.WriteAllTextAsync(input,
            """
            {"target": 8, "nums": [2, 3], "solution_str": "User: go\nAssistant: Let me solve this step by step.\n<think> </think> <answer>2**3</answer>"}
            {"target": 6, "nums": [1, 2, 3], "solution_str": "User: go\nAssistant: <answer>1+2+3</answer>\nthat's all"}
            {"target": 6, "nums": [1, 2, 3], "solution_str": "<answer>1+2+3</answer>"}
            """);

        var (code, output, _) = await RunAsync("score", "--input", input, "--mode", "tinyzero");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(
            """
            {"index":0,"score":1.0,"acc":1.0,"formatted":1.0,"flagged":1.0,"reason":"not-strict"}
            {"index":1,"score":0.0,"acc":0.0,"formatted":0.0,"flagged":0.0,"reason":"no-answer"}
            {"index":2,"score":0.0,"acc":0.0,"formatted":0.0,"flagged":0.0,"reason":"no-answer"}

            """, output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Run_ParquetFromPrepare_ScoresSolutionStrings()
    {
        using var folder = new ScoringTempDirectory();
        var input = folder.File("rollouts.parquet");
        ScoringParquetFiles.WriteNested(input, [(28, [95, 11, 56], "<answer>95-11-56</answer>"), (28, [95, 11, 56], "<answer>95-11</answer>")]);

        var (code, output, _) = await RunAsync("score", "--input", input);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["ok", "wrong-numbers"], output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Run_Corpus_AgreesWithTheEmittedPythonModule()
    {
        using var folder = new ScoringTempDirectory();
        var rows = ScoringTestFiles.WriteCorpusRows(folder.Path, logs: false);
        var module = await ScoringPython.WriteModuleAsync(folder.Path);

        var (code, output, _) = await RunAsync("score", "--input", rows, "--strict", "false");
        var python = await ScoringPython.RunAsync([module, "--strict", "false"], await File.ReadAllTextAsync(rows));

        Assert.Equal(ExitCodes.Success, code);
        var ours = output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement.ToString()).ToList();
        var theirs = python.Trim().Split('\n').Select(l => JsonSerializer.Serialize(JsonDocument.Parse(l).RootElement)).ToList();
        Assert.Equal(ScoringTestFiles.Corpus.Count, ours.Count);
        for (var i = 0; i < ours.Count; i++)
            Assert.Equal(Normalize(theirs[i]), Normalize(ours[i]));
    }

    [Fact]
    public async Task Run_MissingField_ExitsWithBadRecordAndOneSentence()
    {
        using var folder = new ScoringTempDirectory();
        var input = folder.File("answers.jsonl");
        await File.WriteAllTextAsync(input, """{"target": 6, "nums": [1, 2, 3]}""" + "\n");

        var (code, _, errors) = await RunAsync("score", "--input", input);

        Assert.Equal(ExitCodes.BadRecord, code);
        Assert.Equal($"error: Field 'response' is missing on line 1 of '{input}'; every row needs an integer target and a list nums (or reward_model.ground_truth with target and numbers) and a string response (or solution_str).",
            errors.Trim());
    }

    [Fact]
    public async Task Run_MissingFile_ExitsWithInputUnreadable()
    {
        var (code, _, errors) = await RunAsync("score", "--input", "/nonexistent/answers.jsonl");

        Assert.Equal(ExitCodes.InputUnreadable, code);
        Assert.Equal("error: Input file '/nonexistent/answers.jsonl' does not exist; check the path.", errors.Trim());
    }

    [Fact]
    public async Task Run_UnknownMode_IsAParseError()
    {
        var (code, _, errors) = await RunAsync("score", "--input", "x.jsonl", "--mode", "tiny");

        Assert.Equal(ExitCodes.UsageOrBug, code);
        Assert.Contains("tiny", errors);
    }

    private static string Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var row = document.RootElement;
        return string.Join(",", new[] { "index", "score", "acc", "formatted", "flagged" }.Select(k => row.GetProperty(k).GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
            + "," + row.GetProperty("reason").GetString();
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CountdownCli.RunAsync(args, new CliConsole(output, errors, false));
        return (code, output.ToString(), errors.ToString());
    }
}
