using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Quality;

public sealed class DistinctKeyCounterTests
{
    [Fact]
    public void CountDistinct_UnderTheLimit_CountsInMemory()
    {
        using var dir = new TempDirectory();
        using var counter = new DistinctKeyCounter(memoryLimitKeys: 100, spillDirectory: dir.Path);

        foreach (var key in new UInt128[] { 1, 2, 3, 2, 1, 99 }) counter.Add(key);

        Assert.False(counter.HasSpilled);
        Assert.Equal(4, counter.CountDistinct());
        Assert.Equal(6, counter.Added);
    }

    [Fact]
    public void CountDistinct_PastTheLimit_SpillsAndStillCountsExactly()
    {
        using var dir = new TempDirectory();
        var random = new Random(7);
        var expected = new HashSet<UInt128>();
        using var counter = new DistinctKeyCounter(memoryLimitKeys: 500, spillDirectory: dir.Path);

        for (int i = 0; i < 50_000; i++)
        {
            // Few distinct high halves and a small low range: many repeats, before and after the spill.
            var key = new UInt128((ulong)random.Next(4), (ulong)random.Next(20_000));
            expected.Add(key);
            counter.Add(key);
        }

        Assert.True(counter.HasSpilled);
        Assert.Equal(expected.Count, counter.CountDistinct());
        // The bucket files are unlinked when made: nothing to clean up, whatever ends the process.
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void CountDistinct_RepeatsOfTheKeysInMemory_DoNotSpill()
    {
        using var dir = new TempDirectory();
        using var counter = new DistinctKeyCounter(memoryLimitKeys: 3, spillDirectory: dir.Path);

        for (int round = 0; round < 100; round++)
        {
            for (uint key = 0; key < 3; key++) counter.Add(key);
        }

        Assert.False(counter.HasSpilled);
        Assert.Equal(3, counter.CountDistinct());
    }

    [Fact]
    public void Build_SmallMemoryLimit_GivesTheSameDuplicateCountsAsInMemory()
    {
        using var dir = new TempDirectory();
        var random = new Random(11);
        var tasks = new List<CountdownTask>();
        for (int i = 0; i < 20_000; i++)
        {
            long[] nums = [random.Next(1, 12), random.Next(1, 12), random.Next(1, 12)];
            if (random.Next(3) == 0) Array.Reverse(nums);
            tasks.Add(new CountdownTask(random.Next(1, 20), nums));
        }
        tasks.Add(new CountdownTask(5, [1, 2, 3, 4, 5, 6, 7])); // too many numbers to pack: kept in memory
        tasks.Add(new CountdownTask(5, [7, 6, 5, 4, 3, 2, 1]));

        using var spilling = new TaskStatisticsBuilder(memoryLimitKeys: 64, spillDirectory: dir.Path);
        using var inMemory = new TaskStatisticsBuilder();
        foreach (var task in tasks)
        {
            spilling.Add(task);
            inMemory.Add(task);
        }
        var spilled = spilling.Build();
        var held = inMemory.Build();

        Assert.True(spilling.HasSpilled);
        Assert.False(inMemory.HasSpilled);
        Assert.Equal((held.ExactDuplicates, held.ReorderedDuplicates), (spilled.ExactDuplicates, spilled.ReorderedDuplicates));
        Assert.Equal(tasks.Count - TaskFilters.Dedupe(tasks).Count(), spilled.Duplicates);
        Assert.Equal(tasks.Count - tasks.Select(t => (t.Target, string.Join(',', t.Nums))).Distinct().Count(), spilled.ExactDuplicates);
    }
}
