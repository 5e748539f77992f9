using Countdown.Preprocess.Generating;
using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Reporting;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Reporting;

public sealed class SplitProfileBuilderTests
{
    // Row 3 repeats row 1's order (not the first row's): exact under stats' rule. Row 5 has 7 numbers, too many for the solver.
    private static readonly CountdownTask[] Tasks =
    [
        new(28, [95, 11, 56]), new(28, [11, 95, 56]), new(24, [1, 3, 4, 6]), new(28, [11, 95, 56]),
        new(100, [1, 1, 1]), new(7, [1, 1, 1, 1, 1, 1, 1]), new(4, [2, 2]), new(5000, [4096, 904]),
    ];

    [Fact]
    public void Build_TasksWithRepeats_StatisticsEqualWhatStatsComputes()
    {
        var builder = new SplitProfileBuilder("tasks", solve: false, examples: 5);

        builder.AddBatch(Tasks[..3], CancellationToken.None);
        builder.AddBatch(Tasks[3..], CancellationToken.None);
        var profile = builder.Build();

        var expected = TaskStatistics.Compute(Tasks);
        Assert.Equal(expected.Records, profile.Statistics.Records);
        Assert.Equal(expected.TasksByNumberCount, profile.Statistics.TasksByNumberCount);
        Assert.Equal((expected.MinTarget, expected.MaxTarget), (profile.Statistics.MinTarget, profile.Statistics.MaxTarget));
        Assert.Equal((expected.MinNumber, expected.MaxNumber), (profile.Statistics.MinNumber, profile.Statistics.MaxNumber));
        Assert.Equal((1L, 1L), (profile.Statistics.ExactDuplicates, profile.Statistics.ReorderedDuplicates));
        Assert.Equal((expected.ExactDuplicates, expected.ReorderedDuplicates), (profile.Statistics.ExactDuplicates, profile.Statistics.ReorderedDuplicates));
        Assert.Equal([1L, 3L], profile.Duplicates.Select(d => d.Row));
        Assert.Equal(["repeats row 0 in another order", "repeats row 0"], profile.Duplicates.Select(d => d.Note));
    }

    [Fact]
    public void Build_Values_CountsEveryTargetAndNumberIncludingLargeOnes()
    {
        var builder = new SplitProfileBuilder("tasks", solve: false, examples: 0);

        builder.AddBatch(Tasks, CancellationToken.None);
        var profile = builder.Build();

        Assert.Equal(3, profile.Targets[28]);
        Assert.Equal(1, profile.Targets[5000]);
        Assert.Equal(11, profile.NumberValues[1]);
        Assert.Equal(1, profile.NumberValues[4096]);
        Assert.Equal(Tasks.Sum(t => t.Nums.Length), profile.NumberValues.Values.Sum());
        Assert.Equal(profile.NumberValues.Keys.Order(), profile.NumberValues.Keys);
    }

    [Fact]
    public void Build_SolvedInSeveralBatches_EqualsSolveStatisticsOfAllAtOnce()
    {
        var generated = TaskGenerator.Generate(new GenerateOptions { Count = 3000, Seed = 3 }).ToList();
        var tasks = generated.Append(new CountdownTask(1000, [1, 1, 1])).ToArray();
        var builder = new SplitProfileBuilder("tasks", solve: true, examples: 3);

        for (var at = 0; at < tasks.Length; at += 700) builder.AddBatch(tasks[at..Math.Min(tasks.Length, at + 700)], CancellationToken.None);
        var profile = builder.Build();

        var expected = SolveStatistics.Compute(CountdownSolver.SolveAll(tasks, new SolveOptions { ComputeDifficulty = true }));
        Assert.NotNull(profile.Solving);
        Assert.Equal((expected.Tasks, expected.SolvableReward, expected.SolvableInteger), (profile.Solving.Tasks, profile.Solving.SolvableReward, profile.Solving.SolvableInteger));
        Assert.Equal(expected.Difficulty, profile.Solving.Difficulty);
        Assert.Equal(tasks.Length - 1, Assert.Single(profile.Unsolvable).Row);
        Assert.Equal(3, profile.Hardest.Count);
        var shares = profile.Hardest.Select(h => CountdownSolver.Solve(h.Task, computeDifficulty: true).ReachShare!.Value).ToArray();
        var all = CountdownSolver.SolveAll(generated, new SolveOptions { ComputeDifficulty = true }).Select(r => r.ReachShare!.Value);
        Assert.Equal(all.Order().Take(3), shares);
    }

    [Fact]
    public void Build_TaskWithTooManyNumbers_IsCountedAsSkippedNotSolved()
    {
        var builder = new SplitProfileBuilder("tasks", solve: true, examples: 5);

        builder.AddBatch(Tasks, CancellationToken.None);
        var profile = builder.Build();

        Assert.Equal(1, profile.SkippedBySolver);
        Assert.Equal(Tasks.Length - 1, profile.Solving!.Tasks);
        Assert.Contains(profile.Unsolvable, e => e.Task.Target == 100);
    }

    [Fact]
    public void Overlap_TestTasksInTrainInAnyOrder_AreCountedPerRow()
    {
        var train = new SplitProfileBuilder("train", solve: false, examples: 5);
        train.AddBatch([new(28, [95, 11, 56]), new(10, [5, 5])], CancellationToken.None);
        var test = new SplitProfileBuilder("test", solve: false, examples: 5);
        test.CheckOverlapWith(train.FirstRows);

        test.AddBatch([new(28, [56, 95, 11]), new(11, [5, 5]), new(10, [5, 5]), new(10, [5, 5])], CancellationToken.None);

        var overlap = test.Overlap!;
        Assert.Equal((4L, 3L), (overlap.TestRows, overlap.OverlappingRows));
        Assert.Equal([0L, 2L, 3L], overlap.Examples.Select(e => e.Row));
        Assert.Equal("train row 1", overlap.Examples[1].Note);
    }
}
