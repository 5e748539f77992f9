using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Parquet;

public sealed class RowGroupSlotPoolTests
{
    private static readonly VerlParquetOptions Options = new() { RowGroupSize = 100 };

    [Fact]
    public async Task WriteAsync_TwoFilesThroughOnePool_SecondMakesNoSlotAndBothMatchUnpooledFiles()
    {
        var tasks = SequentialParquetFiles.Tasks(1_000, seed: 3);
        using var pool = new RowGroupSlotPool(Options);

        var first = await WriteAsync(tasks, 0, 900, pool);
        int idleAfterFirst = pool.Idle;
        var second = await WriteAsync(tasks, 900, 100, pool);

        Assert.InRange(idleAfterFirst, 2, RowGroupPipeline.MaxEncoding + 1);
        Assert.Equal(idleAfterFirst, pool.Idle);
        Assert.Equal(await WriteAsync(tasks, 0, 900, slots: null), first);
        Assert.Equal(await WriteAsync(tasks, 900, 100, slots: null), second);
    }

    [Fact]
    public async Task WriteAsync_RowsFailHalfway_SlotsAreFreedNotReturned()
    {
        var tasks = SequentialParquetFiles.Tasks(500, seed: 4);
        using var pool = new RowGroupSlotPool(Options);
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() => VerlParquetWriter.WriteAsync(stream, Options, async (groups, token) =>
        {
            await groups.AddAsync(tasks, 0, 350, PromptTemplates.Base, "train", 0, token);
            throw new InvalidOperationException("the input broke");
        }, pool, CancellationToken.None));

        Assert.Equal(0, pool.Idle);
        Assert.Equal(await WriteAsync(tasks, 0, 500, slots: null), await WriteAsync(tasks, 0, 500, pool));
    }

    [Fact]
    public async Task WriteAsync_PoolOfOtherOptions_Throws()
    {
        using var pool = new RowGroupSlotPool(Options with { Compression = ParquetCodec.Zstd });
        using var stream = new MemoryStream();

        await Assert.ThrowsAsync<ArgumentException>(() => VerlParquetWriter.WriteAsync(stream, Options, (_, _) => Task.CompletedTask, pool, CancellationToken.None));
    }

    [Fact]
    public void Return_AfterDispose_FreesTheSlot()
    {
        var pool = new RowGroupSlotPool(Options);
        var slot = pool.Rent();
        pool.Dispose();

        pool.Return(slot);

        Assert.Equal(0, pool.Idle);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    private static async Task<byte[]> WriteAsync(Countdown.Preprocess.Tasks.CountdownTask[] tasks, int start, int count, RowGroupSlotPool? slots)
    {
        using var stream = new MemoryStream();
        await VerlParquetWriter.WriteAsync(stream, Options,
            (groups, token) => groups.AddAsync(tasks, start, count, PromptTemplates.Base, "train", start, token), slots, CancellationToken.None);
        return stream.ToArray();
    }
}
