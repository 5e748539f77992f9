using Countdown.Preprocess.Preparing;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Tests.Preparing;

public sealed class TaskFeedTests
{
    private static List<CountdownTask> Batch(int first, int count)
        => Enumerable.Range(first, count).Select(i => new CountdownTask(i, [i, 1, 2])).ToList();

    [Fact]
    public async Task AddAsync_ConsumerBehindByAhead_WaitsUntilABatchIsTaken()
    {
        var feed = new TaskFeed(keep: 10_000, ahead: 250);
        await feed.AddAsync(Batch(0, 100), CancellationToken.None);
        await feed.AddAsync(Batch(100, 100), CancellationToken.None);

        var third = feed.AddAsync(Batch(200, 100), CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(third.IsCompleted);
        Assert.Equal(200, feed.Queued);

        var first = await feed.NextAsync(CancellationToken.None);
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, first![0].Target);
        Assert.Equal(200, feed.Queued);
        Assert.Equal(300, feed.Count);
    }

    [Fact]
    public async Task AddAsync_BatchLargerThanAheadIntoEmptyFeed_IsTakenAtOnce()
    {
        var feed = new TaskFeed(keep: 10_000, ahead: 10);

        await feed.AddAsync(Batch(0, 1_000), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1_000, feed.Queued);
    }

    [Fact]
    public async Task AddAsync_PastKeep_CountsWithoutHoldingOrWaiting()
    {
        var feed = new TaskFeed(keep: 150, ahead: 100);
        await feed.AddAsync(Batch(0, 100), CancellationToken.None);
        Assert.Equal(100, (await feed.NextAsync(CancellationToken.None))!.Count);
        await feed.AddAsync(Batch(100, 100), CancellationToken.None);

        for (int i = 0; i < 50; i++)
            await feed.AddAsync(Batch(200 + i * 100, 100), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        feed.Complete();

        Assert.Equal(5_200, feed.Count);
        Assert.Equal(100, feed.Queued);
        Assert.Equal(100, (await feed.NextAsync(CancellationToken.None))![0].Target);
        Assert.Null(await feed.NextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_WaitingWhenCancelled_Throws()
    {
        var feed = new TaskFeed(keep: 10_000, ahead: 100);
        await feed.AddAsync(Batch(0, 100), CancellationToken.None);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => feed.AddAsync(Batch(100, 100), stop.Token).AsTask());
    }

    [Fact]
    public async Task TakeAsync_TrainThenTest_HandsOutConsecutiveRunsAcrossBatches()
    {
        var feed = new TaskFeed(keep: 250, ahead: 1_000);
        foreach (var first in new[] { 0, 70, 140, 210, 280 })
            await feed.AddAsync(Batch(first, 70), CancellationToken.None);
        feed.Complete();
        var cursor = new TaskCursor(feed);

        var train = new List<long>();
        await foreach (var run in cursor.TakeAsync(200, CancellationToken.None))
            train.AddRange(run.Batch.GetRange(run.Start, run.Count).Select(t => t.Target));
        var test = new List<long>();
        await foreach (var run in cursor.TakeAsync(50, CancellationToken.None))
            test.AddRange(run.Batch.GetRange(run.Start, run.Count).Select(t => t.Target));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), train);
        Assert.Equal(Enumerable.Range(200, 50).Select(i => (long)i), test);
        Assert.Equal(350, feed.Count);
    }
}
