using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Quality;

public sealed class TaskStatisticsTests
{
    [Fact]
    public void Compute_MixedTasks_CountsSizesRangesAndDuplicates()
    {
        CountdownTask[] tasks =
        [
            new(28, [95, 11, 56]),
            new(28, [11, 95, 56]), // reordered
            new(28, [95, 11, 56]), // exact
            new(7, [1, 2, 3, 4]),
            new(120, [0, 2, 3, 4]),
            new(7, [1, 2, 3, 4]), // exact
            new(7, [4, 3, 2, 1]), // reordered
        ];

        var stats = TaskStatistics.Compute(tasks);

        Assert.Equal(7, stats.Records);
        Assert.Equal(new Dictionary<int, long> { [3] = 3, [4] = 4 }, stats.TasksByNumberCount);
        Assert.Equal((7L, 120L), (stats.MinTarget!.Value, stats.MaxTarget!.Value));
        Assert.Equal((0L, 95L), (stats.MinNumber!.Value, stats.MaxNumber!.Value));
        Assert.Equal(2, stats.ExactDuplicates);
        Assert.Equal(2, stats.ReorderedDuplicates);
        Assert.Equal(tasks.Length - TaskFilters.Dedupe(tasks).Count(), stats.Duplicates);
    }

    [Fact]
    public void Compute_NoTasks_HasNoRanges()
    {
        var stats = TaskStatistics.Compute([]);

        Assert.Equal(0, stats.Records);
        Assert.Empty(stats.TasksByNumberCount);
        Assert.Null(stats.MinTarget);
        Assert.Null(stats.MaxNumber);
    }

    [Fact]
    public void SolveStatistics_Results_CountsRulesAndBinsShares()
    {
        CountdownTask[] tasks = [new(4, [2, 2]), new(24, [1, 3, 4, 6]), new(100, [1, 1, 1]), new(28, [95, 11, 56])];
        var results = CountdownSolver.SolveAll(tasks, new SolveOptions { ComputeDifficulty = true });

        var stats = SolveStatistics.Compute(results);

        Assert.Equal((4L, 3L, 2L), (stats.Tasks, stats.SolvableReward, stats.SolvableInteger));
        Assert.Equal(4, stats.Difficulty.Sum(b => b.Tasks));
        Assert.Equal(1, stats.Difficulty[0].Tasks); // [1, 1, 1] -> 100
        Assert.Equal(1, stats.Difficulty.Single(b => b.Label == "30-100%").Tasks); // 2, 2 -> 4 is 50%
        Assert.Equal(1, stats.Difficulty.Single(b => b.Label == "< 0.1%").Tasks); // 1, 3, 4, 6 -> 24: one way in 9,216
        Assert.Equal(1, stats.Difficulty.Single(b => b.Label == "1-3%").Tasks); // 95, 11, 56 -> 28
    }
}
