using Countdown.Preprocess.Reporting;
using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Reporting;

public sealed class ScoreOutputReaderTests
{
    private const string Lines = """
        {"index":0,"score":1.0,"acc":1.0,"formatted":1.0,"flagged":0.0,"reason":"ok"}
        {"index":1,"score":0.1,"acc":0.0,"formatted":1.0,"flagged":1.0,"reason":"not-strict"}
        {"index":2,"score":0.1,"acc":0.0,"formatted":1.0,"flagged":0.0,"reason":"wrong-value"}

        {"index":3,"score":0.1,"acc":0.0,"formatted":1.0,"flagged":1.0,"reason":"too-large"}
        {"index":4,"score":0.0,"acc":0.0,"formatted":0.0,"flagged":0.0,"reason":"no-answer"}
        """;

    [Fact]
    public async Task ReadAsync_ScoreLines_TotalsEqualScoreCommandsAndReasonsAreCounted()
    {
        using var folder = new TempDirectory();
        var path = folder.File("scores.jsonl");
        await File.WriteAllTextAsync(path, Lines);

        var profile = await ScoreOutputReader.ReadAsync(path, examples: 1, CancellationToken.None);

        Assert.Equal(new ScoreSummary(5, 0.26, 0.2, 0.8, 2), profile.Summary);
        Assert.Equal(Enum.GetValues<ScoreReason>().Length, profile.Reasons.Count);
        Assert.Equal(1, profile.Reasons.Single(r => r.Key == ScoreReason.NotStrict).Value);
        Assert.Equal(0, profile.Reasons.Single(r => r.Key == ScoreReason.Unparsable).Value);
        Assert.Equal(5, profile.Reasons.Sum(r => r.Value));
        Assert.Equal(new ScoreExample(1, 0.1, ScoreReason.NotStrict), Assert.Single(profile.Flagged));
    }

    [Fact]
    public async Task ReadAsync_UnknownReason_ThrowsWithLineNumber()
    {
        using var folder = new TempDirectory();
        var path = folder.File("scores.jsonl");
        await File.WriteAllTextAsync(path, Lines + "\n{\"index\":5,\"score\":1.0,\"acc\":1.0,\"formatted\":1.0,\"flagged\":0.0,\"reason\":\"great\"}\n");

        var error = await Assert.ThrowsAsync<TaskDataException>(() => ScoreOutputReader.ReadAsync(path, 5, CancellationToken.None));

        Assert.Equal(7, error.LineNumber);
        Assert.Contains("'great'", error.Message);
    }

    [Fact]
    public async Task ReadAsync_TruncatedLine_ThrowsWithLineNumber()
    {
        using var folder = new TempDirectory();
        var path = folder.File("scores.jsonl");
        await File.WriteAllTextAsync(path, Lines[..^20]);

        var error = await Assert.ThrowsAsync<TaskDataException>(() => ScoreOutputReader.ReadAsync(path, 5, CancellationToken.None));

        Assert.Equal(6, error.LineNumber);
    }

    [Theory]
    [InlineData("{\"index\":0,\"score\":1.0,\"acc\":1.0,\"formatted\":1.0,\"flagged\":0.0,\"reason\":\"ok\"}\n", true)]
    [InlineData("{\"nums\": [1, 2], \"target\": 3}\n", false)]
    [InlineData("target,nums\n3,\"[1, 2]\"\n", false)]
    [InlineData("{\"reason\": \n", false)]
    public async Task LooksLikeScoreOutput_FirstLine_DecidesByItsFields(string text, bool expected)
    {
        using var folder = new TempDirectory();
        var path = folder.File("input.jsonl");
        await File.WriteAllTextAsync(path, text);

        Assert.Equal(expected, ScoreOutputReader.LooksLikeScoreOutput(path));
    }
}
