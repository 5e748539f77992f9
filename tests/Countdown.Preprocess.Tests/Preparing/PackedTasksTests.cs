using Countdown.Preprocess.Preparing;
using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Preparing;

public sealed class PackedTasksTests
{
    private static CountdownTask Task(int i) => new(10 + i % 1000, [1 + i % 99, 2 + i / 1000 % 50, 3, i % 7]);

    private static void AssertSame(CountdownTask expected, CountdownTask actual)
    {
        Assert.Equal(expected.Target, actual.Target);
        Assert.Equal(expected.Nums, actual.Nums);
    }

    [Fact]
    public void Indexer_TasksAtThePackingLimits_UnpackEqualInInputOrder()
    {
        CountdownTask[] tasks =
        [
            new(0, []), new(-(1L << 27), [65_535, 0]), new((1L << 27) - 1, [6, 5, 4, 3, 2, 1]), new(24, [95, 11, 56]),
            new(7, [3, 3, 3]),
        ];
        var store = new PackedTasks();
        foreach (var task in tasks) store.Add(task);

        Assert.Equal(tasks.Length, store.Count);
        Assert.Equal(0, store.UnpackedCount);
        for (var i = 0; i < tasks.Length; i++) AssertSame(tasks[i], store[i]);
    }

    [Fact]
    public void Add_TasksThatDoNotPack_KeepsThemAsObjectsInPlace()
    {
        CountdownTask[] odd =
        [
            new(24, [1, 2, 3, 4, 5, 6, 7]), new(24, [65_536, 1]), new(24, [-1, 5]), new(1L << 27, [1, 2]),
            new(-(1L << 27) - 1, [1]), new(long.MinValue, [long.MaxValue]),
        ];
        var store = new PackedTasks();
        var expected = new List<CountdownTask>();
        foreach (var task in odd)
        {
            store.Add(Task(expected.Count));
            expected.Add(Task(expected.Count));
            store.Add(task);
            expected.Add(task);
        }

        Assert.Equal(odd.Length, store.UnpackedCount);
        for (var i = 0; i < expected.Count; i++) AssertSame(expected[i], store[i]);
        Assert.Same(odd[0], store[1]);
        Assert.Equal(7, store.NumberCount(1));
        Assert.Equal(4, store.NumberCount(0));
    }

    [Fact]
    public void Shuffle_StoreAcrossChunksWithUnpackedTasks_GivesTheOrderOfPermutation()
    {
        const int Count = 150_000;
        var store = new PackedTasks();
        var tasks = Enumerable.Range(0, Count).Select(i => i % 10_000 == 0 ? new CountdownTask(i, [70_000 + i]) : Task(i)).ToArray();
        foreach (var task in tasks) store.Add(task);

        SeededShuffle.Shuffle(store, 42);

        var order = SeededShuffle.Permutation(Count, 42);
        for (var k = 0; k < Count; k++) AssertSame(tasks[order[k]], store[k]);
    }

    [Fact]
    public void RetainWhere_FlagsAcrossBatchesAndChunks_KeepsFlaggedInOrder()
    {
        const int Count = 200_000;
        var store = new PackedTasks();
        for (var i = 0; i < Count; i++) store.Add(Task(i));
        var seenBatches = 0;

        var removed = store.RetainWhere(7_000, (batch, keep) =>
        {
            seenBatches++;
            for (var i = 0; i < batch.Count; i++) keep[i] = batch[i].Nums[3] == 0; // i % 7 == 0
        }, CancellationToken.None);

        var kept = Enumerable.Range(0, Count).Where(i => i % 7 == 0).ToArray();
        Assert.Equal((Count + 6_999) / 7_000, seenBatches);
        Assert.Equal(Count - kept.Length, removed);
        Assert.Equal(kept.Length, store.Count);
        for (var k = 0; k < kept.Length; k++) AssertSame(Task(kept[k]), store[k]);
        Assert.True(store.AllocatedBytes <= (kept.Length + 65_536L) * 16, $"{store.AllocatedBytes} bytes still held for {kept.Length} tasks.");
    }

    [Fact]
    public void Add_AMillionTasksThatPack_AllocatesSixteenBytesEach()
    {
        const int Count = 1_000_000;
        var tasks = Enumerable.Range(0, Count).Select(Task).ToArray();
        var store = new PackedTasks();

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var task in tasks) store.Add(task);
        var perTask = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / Count;

        Assert.InRange(perTask, 16, 17.1);
        Assert.Equal(16L * 65_536 * 16, store.AllocatedBytes);
    }
}
