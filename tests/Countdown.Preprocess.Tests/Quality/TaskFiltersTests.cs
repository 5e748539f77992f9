using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Quality;

public sealed class TaskFiltersTests
{
    private static readonly CountdownTask[] Tasks =
    [
        new(28, [95, 11, 56]),
        new(28, [11, 95, 56]), // reordered copy of the first
        new(29, [95, 11, 56]), // other target, unsolvable
        new(28, [95, 11, 56]), // exact copy of the first
        new(28, [95, 11, 56, 1]),
        new(100, [1, 1, 1]), // unsolvable
        new(28, [56, 95, 11]), // reordered copy again
    ];

    [Fact]
    public void Dedupe_RepeatedTargetAndMultiset_KeepsOnlyTheFirstInOrder()
    {
        var tally = new FilterTally();

        var kept = TaskFilters.Dedupe(Tasks, tally).ToList();

        Assert.Equal([Tasks[0], Tasks[2], Tasks[4], Tasks[5]], kept);
        Assert.Same(Tasks[0], kept[0]);
        Assert.Equal(4, tally.Kept);
        Assert.Equal(3, tally.Dropped);
    }

    [Fact]
    public async Task DedupeAsync_Stream_KeepsWhatDedupeKeeps()
    {
        var tally = new FilterTally();

        var kept = new List<CountdownTask>();
        await foreach (var task in TaskFilters.DedupeAsync(Tasks.ToAsyncEnumerable(), tally)) kept.Add(task);

        Assert.Equal(TaskFilters.Dedupe(Tasks), kept);
        Assert.Equal(3, tally.Dropped);
    }

    [Fact]
    public void Dedupe_Output_HasNoTwoTasksWithTheSameTargetAndMultiset()
    {
        var random = new SplitMix64(4);
        var tasks = Enumerable.Range(0, 3000)
            .Select(_ => new CountdownTask(random.NextInRange(1, 3), [random.NextInRange(1, 4), random.NextInRange(1, 4), random.NextInRange(1, 4)]))
            .ToArray();

        var kept = TaskFilters.Dedupe(tasks).ToList();

        var keys = kept.Select(t => $"{t.Target}:{string.Join(",", t.Nums.Order())}").ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(tasks.Select(t => $"{t.Target}:{string.Join(",", t.Nums.Order())}").Distinct().Count(), kept.Count);
    }

    [Fact]
    public void SolvableOnly_MixedTasks_KeepsSolvableWithTheirSolutions()
    {
        var tally = new FilterTally();

        var kept = TaskFilters.SolvableOnly(Tasks, SolveRule.Reward, tally);

        Assert.Equal([Tasks[0], Tasks[1], Tasks[3], Tasks[4], Tasks[6]], kept.Select(k => k.Task));
        Assert.All(kept, k => Assert.NotNull(k.Result.Solution));
        Assert.Equal(2, tally.Dropped);
        Assert.Equal(5, tally.Kept);
    }

    [Fact]
    public void SolvableOnly_IntegerRule_DropsFractionOnlyTasks()
    {
        CountdownTask[] tasks = [new(24, [1, 3, 4, 6]), new(24, [4, 6, 1, 1])];

        var reward = TaskFilters.SolvableOnly(tasks, SolveRule.Reward);
        var integer = TaskFilters.SolvableOnly(tasks, SolveRule.Integer);

        Assert.Equal(2, reward.Count);
        Assert.Equal(tasks[1], Assert.Single(integer).Task);
    }
}
