using System.Runtime.CompilerServices;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tests.Support;
using ParquetSharp;

namespace Countdown.Preprocess.Tests.Readers;

/// <summary>One huge row group costs the reader a page of each column, not the whole chunk: measured on the live heap while reading.</summary>
[Collection(HeapCollection.Name)]
public sealed class ParquetPageMemoryTests : IDisposable
{
    private const int Tasks = 2_000_000;

    private readonly ReadersTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadBatchesAsync_OneRowGroupOfTwoMillionTasks_HoldsUnder16MegabytesWhileReading()
    {
        string path = _files.PathOf("two-million.parquet");
        WriteOneRowGroup(path);
        using (var check = new ParquetFileReader(path))
            Assert.Equal(1, check.FileMetaData.NumRowGroups);
        long before = GC.GetTotalMemory(forceFullCollection: true);

        long read = 0, held = 0, checksum = 0;
        int batches = 0;
        await foreach (var batch in TaskReader.ReadBatchesAsync(path, TaskInputFormat.Parquet))
        {
            read += batch.Count;
            checksum += batch[^1].Target + batch[^1].Nums[^1];
            if (++batches % 40 == 0)
                held = Math.Max(held, GC.GetTotalMemory(forceFullCollection: true) - before);
        }

        Assert.Equal(Tasks, read);
        Assert.Equal(ExpectedChecksum(), checksum);
        // Decoding whole chunks holds about 100 bytes a task (200 MB here); a page of each column is a few MB.
        Assert.True(held < 16L << 20, $"The reader held {held / (1 << 20)} MB while reading one row group of {Tasks:N0} tasks.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // the rows must be garbage before the measurement starts
    private static void WriteOneRowGroup(string path)
    {
        var rows = Enumerable.Range(0, Tasks).Select(i => ((long)(i % 1000), new[] { (long)(i % 97), 5L, (long)(i % 13) })).ToArray();
        PyarrowLayoutFiles.WriteRawTasks(path, rows, new PyarrowLayoutOptions { RowGroupSize = Tasks });
    }

    private static long ExpectedChecksum()
    {
        long sum = 0;
        for (int end = ParquetTaskReader.BatchRows; ; end += ParquetTaskReader.BatchRows)
        {
            int last = Math.Min(end, Tasks) - 1;
            sum += last % 1000 + last % 13;
            if (end >= Tasks)
                return sum;
        }
    }
}
