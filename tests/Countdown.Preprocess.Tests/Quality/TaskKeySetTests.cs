using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Solving;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Quality;

public sealed class TaskKeySetTests
{
    [Fact]
    public void Add_TasksAtAndBeyondThePackedLimits_NeverConfusesTwoTasks()
    {
        // Values that would alias if a field were truncated: 65,536 vs 0, 2^27 vs -2^27, six numbers vs seven, [] vs [0].
        CountdownTask[] distinct =
        [
            new(1, [0, 1]), new(1, [65_536, 1]), new(1, [65_535, 1]), new(1, [-1, 1]),
            new(1L << 27, [1]), new(-(1L << 27), [1]), new((1L << 27) - 1, [1]), new(long.MaxValue, [1]),
            new(5, [1, 2, 3, 4, 5, 6]), new(5, [1, 2, 3, 4, 5, 6, 0]), new(5, []), new(5, [0]), new(5, [0, 0]),
        ];
        var exact = new TaskKeySet(multiset: false);
        var multiset = new TaskKeySet(multiset: true);

        Assert.All(distinct, t => Assert.True(exact.Add(t), t.ToString()));
        Assert.All(distinct, t => Assert.True(multiset.Add(t), t.ToString()));
        Assert.All(distinct, t => Assert.False(exact.Add(new CountdownTask(t.Target, [.. t.Nums])), t.ToString()));
        Assert.Equal(distinct.Length, exact.Count);
    }

    [Fact]
    public void Add_ReorderedNumbers_SameMultisetOtherExactKey()
    {
        var exact = new TaskKeySet(multiset: false);
        var multiset = new TaskKeySet(multiset: true);

        foreach (var nums in new long[][] { [3, 1, 2], [70_000, 1, 2, 3, 4, 5, 6] })
        {
            Assert.True(exact.Add(new CountdownTask(9, nums)));
            Assert.True(multiset.Add(new CountdownTask(9, nums)));
            var reordered = nums.Reverse().ToArray();
            Assert.True(exact.Add(new CountdownTask(9, reordered)));
            Assert.False(multiset.Add(new CountdownTask(9, reordered)));
        }
    }

    [Fact]
    public async Task RunAsync_WithSolve_SameFiguresAsComputingOnTheWholeList()
    {
        var random = new SplitMix64(5);
        var tasks = Enumerable.Range(0, TaskSurvey.SolveBatchSize + 1_000)
            .Select(_ => new CountdownTask(random.NextInRange(1, 60), [random.NextInRange(1, 12), random.NextInRange(1, 12), random.NextInRange(1, 12)]))
            .ToArray();

        var (statistics, solving) = await TaskSurvey.RunAsync(tasks.ToAsyncEnumerable(), solve: true);

        var expected = TaskStatistics.Compute(tasks);
        Assert.Equal((expected.Records, expected.ExactDuplicates, expected.ReorderedDuplicates, expected.MinNumber, expected.MaxTarget),
            (statistics.Records, statistics.ExactDuplicates, statistics.ReorderedDuplicates, statistics.MinNumber, statistics.MaxTarget));
        Assert.True(expected.ExactDuplicates > 0 && expected.ReorderedDuplicates > 0);
        var whole = SolveStatistics.Compute(CountdownSolver.SolveAll(tasks, new SolveOptions { ComputeDifficulty = true }));
        Assert.Equal((whole.Tasks, whole.SolvableReward, whole.SolvableInteger), (solving!.Tasks, solving.SolvableReward, solving.SolvableInteger));
        Assert.Equal(whole.Difficulty, solving.Difficulty);
    }

    [Fact]
    public void Add_ManyKeysThroughSeveralResizes_CountsEachDistinctKeyOnce()
    {
        var set = new KeySet<UInt128, PackedKeySlots>();
        var reference = new HashSet<UInt128>();
        var random = new SplitMix64(9);

        for (var i = 0; i < 200_000; i++)
        {
            // Few high bits and clustered low bits, so probing chains and collisions are exercised.
            var key = ((UInt128)(random.Next() % 7) << 64) | (random.Next() % 150_000);
            Assert.Equal(reference.Add(key), set.Add(key));
        }

        Assert.Equal(reference.Count, set.Count);
    }

    [Fact]
    public void Add_ManyCompactKeysThroughSeveralResizes_CountsEachDistinctKeyOnce()
    {
        var set = new KeySet<ulong, CompactKeySlots>();
        var reference = new HashSet<ulong>();
        var random = new SplitMix64(10);

        for (var i = 0; i < 200_000; i++)
        {
            var key = random.Next() % 150_000 << (int)(random.Next() % 3 * 20);
            Assert.Equal(reference.Add(key), set.Add(key));
        }

        Assert.Equal(reference.Count, set.Count);
    }

    [Fact]
    public void Add_TasksAtTheCompactLimits_NeverConfusesTwoTasks()
    {
        // Around the 8-byte key's limits (numbers 0-127, targets within ±2^18): each pair differs only past a limit,
        // so a truncated field or a task kept in two kinds of key would count a duplicate that is not one.
        CountdownTask[] distinct =
        [
            new(1, [127, 1]), new(1, [128, 1]), new(1, [0, 1]), new(1, [-1, 1]), new(1, [255, 1]),
            new((1L << 18) - 1, [1]), new(1L << 18, [1]), new(-(1L << 18), [1]), new(-(1L << 18) - 1, [1]), new(0, [1]),
            new(2, [1, 2, 3, 4, 5, 6]), new(2, [1, 2, 3, 4, 5, 6, 0]), new(2, []), new(2, [0]), new(2, [0, 0]),
        ];
        var exact = new TaskKeySet(multiset: false);
        var multiset = new TaskKeySet(multiset: true);

        Assert.All(distinct, t => Assert.True(exact.Add(t), t.ToString()));
        Assert.All(distinct, t => Assert.True(multiset.Add(t), t.ToString()));
        Assert.All(distinct, t => Assert.False(exact.Add(new CountdownTask(t.Target, [.. t.Nums])), t.ToString()));
        Assert.All(distinct, t => Assert.False(multiset.Add(new CountdownTask(t.Target, [.. t.Nums.Reverse()])), t.ToString()));
        Assert.Equal(distinct.Length, exact.Count);
    }

    [Fact]
    public void Add_RandomTasksOfEverySize_SameAnswersAsArrayKeys()
    {
        // Tasks straddling both packed kinds and the array fallback, many duplicates: every answer as a plain set gives it.
        var random = new SplitMix64(12);
        var exact = new TaskKeySet(multiset: false);
        var multiset = new TaskKeySet(multiset: true);
        var exactReference = new HashSet<string>();
        var multisetReference = new HashSet<string>();
        long[] limits = [4, 130, 70_000];
        for (var i = 0; i < 60_000; i++)
        {
            var limit = limits[random.Next() % 3];
            var nums = Enumerable.Range(0, (int)(random.Next() % 8)).Select(_ => (long)(random.Next() % (ulong)limit)).ToArray();
            var target = (long)(random.Next() % 8) - 4 + (random.Next() % 4 == 0 ? (1L << 18) : 0);
            var task = new CountdownTask(target, nums);

            Assert.Equal(exactReference.Add($"{target}:{string.Join(",", nums)}"), exact.Add(task));
            Assert.Equal(multisetReference.Add($"{target}:{string.Join(",", nums.Order())}"), multiset.Add(task));
        }
    }

    [Fact]
    public void DuplicateTally_RandomTasksWithManyRepeats_SameCountsAsTwoPlainSets()
    {
        // Small values so exact copies and reorderings are common, some tasks past the 8-byte key (a number of 200,
        // seven numbers), through several resizes and partial batches: the counts two plain sets give, exactly.
        var random = new SplitMix64(21);
        var tally = new DuplicateTally();
        var exactSeen = new HashSet<string>();
        var multisetSeen = new HashSet<string>();
        long exact = 0, reordered = 0;
        for (var i = 0; i < 150_001; i++)
        {
            var count = random.Next() % 50 == 0 ? 7 : 3 + (int)(random.Next() % 2);
            var nums = Enumerable.Range(0, count).Select(_ => (long)(random.Next() % 9 + (random.Next() % 100 == 0 ? 200UL : 0))).ToArray();
            var target = (long)(random.Next() % 30);

            tally.Add(target, nums);
            if (!exactSeen.Add($"{target}:{string.Join(",", nums)}")) exact++;
            else if (!multisetSeen.Add($"{target}:{string.Join(",", nums.Order())}")) reordered++;
            if (i % 40_000 == 0) Assert.Equal((exact, reordered), (tally.Exact, tally.Reordered));
        }

        Assert.True(exact > 1000 && reordered > 1000);
        Assert.Equal((exact, reordered), (tally.Exact, tally.Reordered));
    }
}
