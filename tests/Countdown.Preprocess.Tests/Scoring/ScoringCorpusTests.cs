using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Scoring;

/// <summary>The C# scorer against the hand-reviewed corpus (see <c>Fixtures/scoring/make_corpus.py</c>).</summary>
public sealed class ScoringCorpusTests
{
    private static readonly ScoreOptions Strict = new() { Strict = true };
    private static readonly ScoreOptions Lenient = new() { Strict = false };
    private static readonly ScoreOptions TinyZero = new() { Mode = ScoringMode.TinyZero };

    [Fact]
    public void Corpus_Coverage_HasEveryRuleAndEdge()
    {
        var corpus = ScoringTestFiles.Corpus;

        Assert.True(corpus.Count >= 300, $"The corpus holds {corpus.Count} answers; at least 300 are needed.");
        // too-long is our own limit, not TinyZero's (the corpus is checked against TinyZero's eval): RewardScorerLengthTests covers it.
        foreach (var reason in Enum.GetValues<ScoreReason>().Where(r => r != ScoreReason.TooLong).Select(r => r.ToText()))
        {
            Assert.Contains(corpus, c => c.Strict.Reason == reason || c.Lenient.Reason == reason);
            Assert.Contains(corpus, c => c.TinyZero.Reason == reason || reason == "too-large" || reason == "not-strict");
        }
        Assert.Contains(corpus, c => c.Strict.Flagged == 1 && c.Strict.Score == 0.1 && c.Lenient.Score == 1.0);
        Assert.Contains(corpus, c => c.Strict.Reason == "too-large" && c.Strict.Flagged == 1);
        Assert.Contains(corpus, c => c.Nums.Distinct().Count() < c.Nums.Length && c.Strict.Reason == "ok");
        Assert.Contains(corpus, c => c.Response.Split("<answer>").Length > 3);
        Assert.Contains(corpus, c => c.Response.Contains('=') && c.Strict.Reason == "unparsable");
        Assert.Contains(corpus, c => c.Response.Any(ch => ch > 127));
        Assert.Contains(corpus, c => c.Response.Length > 10000);
        Assert.Contains(corpus, c => c.Strict.Reason == "ok" && c.TinyZero.Reason == "no-answer");
    }

    [Fact]
    public void Score_CorpusStrict_MatchesExpectedOnEveryField()
        => AssertAll(c => ExpectedRating.Of(RewardScorer.Score(c.Response, c.Target, c.Nums, Strict)), c => c.Strict);

    [Fact]
    public void Score_CorpusLenient_MatchesExpectedOnEveryField()
        => AssertAll(c => ExpectedRating.Of(RewardScorer.Score(c.Response, c.Target, c.Nums, Lenient)), c => c.Lenient);

    [Fact]
    public void Score_CorpusTinyZeroLogs_MatchTinyZeroOnEveryField()
        => AssertAll(c => ExpectedRating.Of(RewardScorer.Score(c.Log, c.Target, c.Nums, TinyZero)), c => c.TinyZero);

    private static void AssertAll(Func<CorpusCase, ExpectedRating> actual, Func<CorpusCase, ExpectedRating> expected)
    {
        var wrong = ScoringTestFiles.Corpus
            .Select(c => (Case: c, Actual: actual(c), Expected: expected(c)))
            .Where(x => x.Actual != x.Expected)
            .Select(x => $"{x.Case.Id} ({x.Case.Note}): expected {x.Expected}, got {x.Actual}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
