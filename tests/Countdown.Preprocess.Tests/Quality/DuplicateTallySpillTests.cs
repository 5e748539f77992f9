using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Quality;

public sealed class DuplicateTallySpillTests
{
    [Fact]
    public void Counts_PastTheMemoryLimit_SpillAndEqualTheInMemoryCounts()
    {
        using var dir = new TempDirectory();
        var tasks = RandomTasks(seed: 11, count: 30_000);
        using var spilling = new DuplicateTally(memoryLimit: 200, spillDirectory: dir.Path);
        using var inMemory = new DuplicateTally();

        foreach (var task in tasks)
        {
            spilling.Add(task.Target, task.Nums);
            inMemory.Add(task.Target, task.Nums);
        }

        Assert.True(spilling.HasSpilled);
        Assert.False(inMemory.HasSpilled);
        Assert.True(inMemory.Exact > 1000 && inMemory.Reordered > 1000);
        Assert.Equal((inMemory.Exact, inMemory.Reordered), (spilling.Exact, spilling.Reordered));
        // The bucket files are unlinked when made: nothing to clean up, whatever ends the process.
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Add_SpillFolderMissing_ThrowsOutputExceptionNamingIt()
    {
        using var dir = new TempDirectory();
        string missing = Path.Combine(dir.Path, "missing");
        using var tally = new DuplicateTally(memoryLimit: 10, spillDirectory: missing);

        var error = Assert.Throws<OutputException>(() =>
        {
            foreach (var task in RandomTasks(seed: 9, count: 2_000)) tally.Add(task.Target, task.Nums);
            _ = tally.Exact;
        });

        Assert.Equal(missing, error.Path);
        Assert.Contains("TMPDIR", error.Message);
    }

    [Fact]
    public void Add_AfterSpilledCountsWereRead_Throws()
    {
        using var dir = new TempDirectory();
        using var tally = new DuplicateTally(memoryLimit: 1, spillDirectory: dir.Path);
        foreach (var task in RandomTasks(seed: 3, count: 500)) tally.Add(task.Target, task.Nums);
        _ = tally.Exact;

        Assert.Throws<InvalidOperationException>(() => tally.Add(1, [1, 2, 3]));
    }

    [Fact]
    public void Build_SmallMemoryLimit_GivesTheSameStatisticsAsInMemory()
    {
        using var dir = new TempDirectory();
        var tasks = RandomTasks(seed: 5, count: 20_000);
        tasks.Add(new CountdownTask(5, [1, 2, 3, 4, 5, 6, 7])); // too many numbers to pack: kept in memory
        tasks.Add(new CountdownTask(5, [7, 6, 5, 4, 3, 2, 1]));
        using var spilling = new TaskStatisticsBuilder(memoryLimit: 64, spillDirectory: dir.Path);
        using var inMemory = new TaskStatisticsBuilder();

        foreach (var task in tasks)
        {
            spilling.Add(task);
            inMemory.Add(task);
        }
        var spilled = spilling.Build();
        var held = inMemory.Build();

        Assert.True(spilling.HasSpilled);
        Assert.Equal((held.ExactDuplicates, held.ReorderedDuplicates), (spilled.ExactDuplicates, spilled.ReorderedDuplicates));
        Assert.Equal(tasks.Count - TaskFilters.Dedupe(tasks).Count(), spilled.Duplicates);
        Assert.Equal(tasks.Count - tasks.Select(t => (t.Target, string.Join(',', t.Nums))).Distinct().Count(), spilled.ExactDuplicates);
    }

    private static List<CountdownTask> RandomTasks(int seed, int count)
    {
        var random = new Random(seed);
        var tasks = new List<CountdownTask>();
        for (int i = 0; i < count; i++)
        {
            long[] nums = [random.Next(1, 12), random.Next(1, 12), random.Next(1, 12)];
            if (random.Next(3) == 0) Array.Reverse(nums);
            if (random.Next(50) == 0) nums[0] += 300; // past the 8-byte key: the 16-byte path
            tasks.Add(new CountdownTask(random.Next(1, 20), nums));
        }
        return tasks;
    }
}
