using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Solving;

public sealed class DifficultyTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 8)]
    [InlineData(3, 192)]
    [InlineData(4, 9216)]
    public void TotalSequences_Count_MatchesLiteralEnumeration(int count, long expected)
    {
        var nums = Enumerable.Range(1, count).Select(n => (long)n).ToArray();

        Assert.Equal(expected, CountdownSolver.TotalSequences(count));
        if (count > 0) Assert.Equal(expected, SolverBruteForce.CountSequences(nums, 0).Total);
    }

    [Fact]
    public void CountReachingSequences_RandomTasks_MatchesLiteralEnumeration()
    {
        var random = new SplitMix64(31);
        for (var n = 0; n < 60; n++)
        {
            var nums = new long[random.NextInRange(1, n < 50 ? 3 : 4)];
            for (var i = 0; i < nums.Length; i++) nums[i] = random.NextInRange(0, 9);
            var target = random.NextInRange(-3, 30);

            var counted = CountdownSolver.CountReachingSequences(new CountdownTask(target, nums));

            Assert.Equal(SolverBruteForce.CountSequences(nums, target).Reaching, counted);
        }
    }

    [Fact]
    public void Solve_WithDifficulty_ShareIsReachingOverTotal()
    {
        // 2 + 2 = 4 and 2 * 2 = 4, each in both orders: 4 of the 8 sequences.
        var result = CountdownSolver.Solve(new CountdownTask(4, [2, 2]), computeDifficulty: true);

        Assert.Equal(4, result.ReachingSequences);
        Assert.Equal(8, result.TotalSequences);
        Assert.Equal(0.5, result.ReachShare);
    }

    [Fact]
    public void Solve_WithoutDifficulty_LeavesShareUnset()
    {
        var result = CountdownSolver.Solve(new CountdownTask(4, [2, 2]));

        Assert.Null(result.ReachingSequences);
        Assert.Null(result.ReachShare);
    }

    [Fact]
    public void Solve_Unsolvable_HasZeroShare()
    {
        var result = CountdownSolver.Solve(new CountdownTask(100, [1, 1, 1]), computeDifficulty: true);

        Assert.Equal(0, result.ReachingSequences);
        Assert.Equal(0.0, result.ReachShare);
    }
}
