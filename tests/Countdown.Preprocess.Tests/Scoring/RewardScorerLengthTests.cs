using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Scoring;

/// <summary>Answers longer than <see cref="RewardScorer.AnswerLengthLimit"/> are not evaluated: reason too-long, in C# and in the emitted module.</summary>
public sealed class RewardScorerLengthTests
{
    [Theory]
    [InlineData(true, ScoreReason.TooLong)]
    [InlineData(false, ScoreReason.TooLarge)] // TinyZero's rule refuses it earlier: 300,000 operators nested in one another
    public void Rate_ProductOf300000Factors_IsRefusedQuickly(bool strict, ScoreReason reason)
    {
        var numbers = Enumerable.Repeat(9L, 300_000).ToArray();
        var answer = string.Join('*', numbers);
        var clock = Stopwatch.StartNew();

        var result = RewardScorer.Rate(answer, 24, numbers, strict);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(new ScoreResult(0.1, false, true, true, reason), result);
    }

    [Fact]
    public void Rate_AtTheLimit_IsEvaluated()
    {
        var count = (RewardScorer.AnswerLengthLimit + 1) / 2;
        var numbers = Enumerable.Repeat(1L, count).ToArray();
        var answer = string.Join('*', numbers);
        Assert.True(answer.Length <= RewardScorer.AnswerLengthLimit);

        var result = RewardScorer.Rate(answer, 1, numbers, strict: true);

        Assert.Equal(ScoreReason.Ok, result.Reason);
    }

    [Fact]
    public void Rate_OverTheLimitButWrongNumbers_KeepsTheCheaperVerdict()
    {
        var answer = string.Join('*', Enumerable.Repeat(9L, 20_000));

        var result = RewardScorer.Rate(answer, 24, [9, 9, 9], strict: true);

        Assert.Equal(ScoreReason.WrongNumbers, result.Reason);
    }

    [Fact]
    public async Task ComputeScore_LongAnswers_AgreesWithTheCSharpScorer()
    {
        using var folder = new ScoringTempDirectory();
        var module = await ScoringPython.WriteModuleAsync(folder.Path);
        int[] counts = [3, (RewardScorer.AnswerLengthLimit + 1) / 2, RewardScorer.AnswerLengthLimit / 2 + 1, 60_000];
        const string script = """
            import importlib.util, json, sys
            spec = importlib.util.spec_from_file_location("countdown_reward", sys.argv[1])
            m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
            for count in json.loads(sys.argv[2]):
                for strict in (True, False):
                    numbers = [1] * count
                    print(json.dumps(m.rate("*".join(["1"] * count), 1, numbers, strict)))
            """;

        var output = await ScoringPython.RunAsync(["-c", script, module, JsonSerializer.Serialize(counts)], timeoutSeconds: 120);

        var lines = output.Trim().Split('\n');
        var expected = counts.SelectMany(count => new[] { true, false }.Select(strict =>
        {
            var numbers = Enumerable.Repeat(1L, count).ToArray();
            var result = RewardScorer.Rate(string.Join('*', numbers), 1, numbers, strict);
            return string.Create(CultureInfo.InvariantCulture,
                $"[{result.Score:F1}, {(result.IsCorrect ? 1.0 : 0.0):F1}, 1.0, {(result.IsFlagged ? 1.0 : 0.0):F1}, \"{result.Reason.ToText()}\"]");
        })).ToArray();
        Assert.Equal(expected, lines);
        Assert.Equal("[0.1, 0.0, 1.0, 1.0, \"too-long\"]", lines[^2]);
    }
}
