using System.Diagnostics;
using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Tests.Scoring;

public sealed class RewardScorerTests
{
    private static readonly ScoreOptions Lenient = new() { Strict = false };

    [Theory]
    [InlineData("(95-11)-56", 28, new long[] { 95, 11, 56 }, ScoreReason.Ok)]
    [InlineData("95 - 11 - 56", 28, new long[] { 56, 95, 11 }, ScoreReason.Ok)]
    [InlineData("(1/3)*30", 10, new long[] { 1, 3, 30 }, ScoreReason.Ok)]
    [InlineData("5+5+5+5", 20, new long[] { 5, 5, 5, 5 }, ScoreReason.Ok)]
    [InlineData("5+5+5", 15, new long[] { 5, 5, 5, 5 }, ScoreReason.WrongNumbers)]
    [InlineData("1+2*3", 9, new long[] { 1, 2, 3 }, ScoreReason.WrongValue)]
    [InlineData("6/(2-2)", 6, new long[] { 6, 2, 2 }, ScoreReason.DivisionByZero)]
    [InlineData("07+3", 10, new long[] { 7, 3 }, ScoreReason.Unparsable)]
    [InlineData("1+2+3 = 6", 6, new long[] { 1, 2, 3 }, ScoreReason.Unparsable)]
    [InlineData("1\u00a0+\n2+3", 6, new long[] { 1, 2, 3 }, ScoreReason.Ok)]
    [InlineData("99999999999999999999+1", 6, new long[] { 1, 2 }, ScoreReason.WrongNumbers)]
    public void Rate_Strict_FollowsTheStrictRule(string answer, long target, long[] nums, ScoreReason expected)
        => Assert.Equal(expected, RewardScorer.Rate(answer, target, nums, strict: true).Reason);

    [Theory]
    [InlineData("2**3", 8, new long[] { 2, 3 })]
    [InlineData("7//2", 3, new long[] { 7, 2 })]
    [InlineData("2.5*2", 5, new long[] { 2, 5, 2 })]
    [InlineData("-3+4", 1, new long[] { 3, 4 })]
    [InlineData("1000001/1000000", 1, new long[] { 1000001, 1000000 })]
    public void Rate_TinyZeroHack_IsFlaggedInBothModes(string answer, long target, long[] nums)
    {
        var strict = RewardScorer.Rate(answer, target, nums, strict: true);
        var lenient = RewardScorer.Rate(answer, target, nums, strict: false);

        Assert.Equal(new ScoreResult(0.1, false, true, true, ScoreReason.NotStrict), strict);
        Assert.Equal(new ScoreResult(1.0, true, true, true, ScoreReason.NotStrict), lenient);
    }

    [Theory]
    [InlineData("2**3**2", 512, new long[] { 2, 3, 2 }, ScoreReason.NotStrict)]          // right-associative
    [InlineData("-2**2", -4, new long[] { 2, 2 }, ScoreReason.NotStrict)]                // -(2**2)
    [InlineData("2**-1*2", 1, new long[] { 2, 1, 2 }, ScoreReason.NotStrict)]
    [InlineData("-7//2", -4, new long[] { 7, 2 }, ScoreReason.NotStrict)]                // floor, not truncation
    [InlineData("0**-1", 0, new long[] { 0, 1 }, ScoreReason.DivisionByZero)]
    [InlineData("2.0**10000", 0, new long[] { 2, 0, 10000 }, ScoreReason.EvalError)]
    [InlineData("((-1)**0.5)**2", -1, new long[] { 1, 0, 5, 2 }, ScoreReason.NotStrict)] // complex, back to -1
    [InlineData("(-8)**(1/3)", 1, new long[] { 8, 1, 3 }, ScoreReason.WrongValue)]
    [InlineData("2(3)", 6, new long[] { 2, 3 }, ScoreReason.EvalError)]
    [InlineData("()*2", 0, new long[] { 2 }, ScoreReason.EvalError)]
    [InlineData("1e3", 1000, new long[] { 1, 3 }, ScoreReason.Unparsable)]
    [InlineData("01+2", 3, new long[] { 1, 2 }, ScoreReason.Unparsable)]
    [InlineData("00+3", 3, new long[] { 0, 3 }, ScoreReason.NotStrict)]
    [InlineData("1 +\n2", 3, new long[] { 1, 2 }, ScoreReason.Unparsable)]
    [InlineData("(1 +\n2)", 3, new long[] { 1, 2 }, ScoreReason.Ok)]                 // strict too: not flagged
    [InlineData("\u0661+2", 3, new long[] { 1, 2 }, ScoreReason.Unparsable)]       // Arabic-Indic 1: \d but not Python syntax
    [InlineData("1+2+x", 3, new long[] { 1, 2 }, ScoreReason.Unparsable)]
    [InlineData("1+2+4", 3, new long[] { 1, 2 }, ScoreReason.WrongNumbers)]
    public void Rate_Lenient_FollowsPythonEvaluation(string answer, long target, long[] nums, ScoreReason expected)
    {
        var result = RewardScorer.Rate(answer, target, nums, strict: false);

        Assert.Equal(expected, result.Reason);
        Assert.Equal(expected is ScoreReason.Ok or ScoreReason.NotStrict ? 1.0 : 0.1, result.Score);
        Assert.Equal(expected == ScoreReason.NotStrict, result.IsFlagged);
    }

    [Fact]
    public void Score_NoAnswer_ScoresZeroUnformatted()
    {
        var result = RewardScorer.Score("<think>no idea</think>", 6, [1, 2, 3]);

        Assert.Equal(ScoreResult.NoAnswer, result);
        Assert.Equal(0.0, result.Score);
    }

    [Fact]
    public void Score_TinyZeroMode_IgnoresStrictAndReadsTheLastLine()
    {
        const string log = "User: go\nAssistant: Let me solve this step by step.\n<think>2**3</think> <answer>2**3</answer>";
        var options = new ScoreOptions { Mode = ScoringMode.TinyZero, Strict = true };

        var result = RewardScorer.Score(log, 8, [2, 3], options);
        var twoLines = RewardScorer.Score(log + "\nbye", 8, [2, 3], options);

        Assert.Equal(new ScoreResult(1.0, true, true, true, ScoreReason.NotStrict), result);
        Assert.Equal(ScoreResult.NoAnswer, twoLines);
    }

    [Theory]
    [InlineData("9**9**9**9", new long[] { 9, 9, 9, 9 })]
    [InlineData("2**(10**100)", new long[] { 2, 10, 100 })]
    [InlineData("()*9**9**9", new long[] { 9, 9, 9 })]
    public void Rate_HugePower_IsRefusedAndFlagged(string answer, long[] nums)
    {
        var result = RewardScorer.Rate(answer, 1, nums, strict: false);

        Assert.Equal(new ScoreResult(0.1, false, true, true, ScoreReason.TooLarge), result);
    }

    [Fact]
    public void Score_HostileInputs_FinishQuickly()
    {
        var hostile = new (string Text, long[] Nums)[]
        {
            ("9**9**9**9", [9, 9, 9, 9]),
            (new string('(', 1_000_000) + "1+2" + new string(')', 1_000_000), [1, 2]),
            (new string('1', 1_000_000), [1]),
            (new string('-', 1_000_000) + "3", [3]),
            (string.Join('+', Enumerable.Repeat("1", 100_000)), Enumerable.Repeat(1L, 100_000).ToArray()),
            ("2**131000//2**130999+2**131000//2**130999", [2, 131000, 2, 130999, 2, 131000, 2, 130999]),
            (string.Concat(Enumerable.Repeat("<answer>", 100_000)), [1]),
        };
        foreach (var (text, nums) in hostile)
        {
            var watch = Stopwatch.StartNew();

            var strict = RewardScorer.Score("<answer>" + text + "</answer>", 3, nums);
            var lenient = RewardScorer.Score("<answer>" + text + "</answer>", 3, nums, Lenient);

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"'{text[..Math.Min(20, text.Length)]}…' took {watch.Elapsed}.");
            Assert.Equal(strict.Score == 0.0, lenient.Score == 0.0);
        }
    }

    [Fact]
    public void Rate_NestingBeyondLimit_IsTooLargeButParenthesesBeyond200AreUnparsable()
    {
        var unary1000 = RewardScorer.Rate(new string('-', 1000) + "3", 3, [3], strict: false);
        var unary1001 = RewardScorer.Rate(new string('-', 1001) + "3", -3, [3], strict: false);
        var parens200 = RewardScorer.Rate(new string('(', 200) + "3" + new string(')', 200), 3, [3], strict: false);
        var parens201 = RewardScorer.Rate(new string('(', 201) + "3" + new string(')', 201), 3, [3], strict: false);

        Assert.Equal(ScoreReason.NotStrict, unary1000.Reason);
        Assert.Equal(ScoreReason.TooLarge, unary1001.Reason);
        Assert.Equal(ScoreReason.Ok, parens200.Reason);
        Assert.Equal(ScoreReason.Unparsable, parens201.Reason);
    }

    [Fact]
    public void Score_ConcurrentCalls_AgreeWithSequential()
    {
        var inputs = Enumerable.Range(0, 2000).Select(i => ($"<answer>{i % 7}*{i % 5}+{i % 3}**2</answer>", (long)(i % 40), new long[] { i % 7, i % 5, i % 3, 2 })).ToArray();
        var sequential = inputs.Select(x => RewardScorer.Score(x.Item1, x.Item2, x.Item3, Lenient)).ToArray();

        var parallel = new ScoreResult[inputs.Length];
        Parallel.For(0, inputs.Length, i => parallel[i] = RewardScorer.Score(inputs[i].Item1, inputs[i].Item2, inputs[i].Item3, Lenient));

        Assert.Equal(sequential, parallel);
    }
}
