using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Writers;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Countdown.Preprocess.Tests.Writers;

public sealed class RawTaskWriterTests
{
    private const string HuggingFaceJson =
        """{"info": {"features": {"target": {"dtype": "int64", "_type": "Value"}, "nums": {"feature": {"dtype": "int64", "_type": "Value"}, "_type": "Sequence"}}}}""";

    private static readonly CountdownTask[] Tasks = [new(28, [95, 11, 56]), new(7, [1, 2, 3, 4]), new(-3, [0, 3])];

    [Fact]
    public async Task WriteAsync_Parquet_HasTheHuggingFaceLayout()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.parquet");

        await RawTaskWriter.WriteAsync(path, Tasks);

        using var file = new ParquetFileReader(path);
        var schema = file.FileMetaData.Schema;
        var root = (GroupNode)schema.SchemaRoot;
        var target = (PrimitiveNode)root.Fields[0];
        var nums = (GroupNode)root.Fields[1];
        var list = (GroupNode)nums.Fields[0];
        var element = (PrimitiveNode)list.Fields[0];
        Assert.Equal(("target", Repetition.Optional, PhysicalType.Int64), (target.Name, target.Repetition, target.PhysicalType));
        Assert.Equal(("nums", Repetition.Optional, LogicalTypeEnum.List), (nums.Name, nums.Repetition, nums.LogicalType.Type));
        Assert.Equal(("list", Repetition.Repeated), (list.Name, list.Repetition));
        Assert.Equal(("element", Repetition.Optional, PhysicalType.Int64), (element.Name, element.Repetition, element.PhysicalType));
        Assert.Equal(HuggingFaceJson, file.FileMetaData.KeyValueMetadata["huggingface"]);
        using var rowGroup = file.RowGroup(0);
        Assert.Equal(Compression.Snappy, rowGroup.MetaData.GetColumnChunkMetaData(0).Compression);
        Assert.Equal(Compression.Snappy, rowGroup.MetaData.GetColumnChunkMetaData(1).Compression);
    }

    [Fact]
    public async Task WriteAsync_ParquetManyRowGroups_ReadsBackEveryTask()
    {
        using var folder = new TempDirectory();
        var path = folder.File("many.parquet");
        var tasks = Enumerable.Range(0, RawTaskWriter.RowGroupSize + 1234)
            .Select(i => new CountdownTask(i, Enumerable.Range(0, i % 5).Select(j => (long)(i + j)).ToArray()))
            .ToArray();

        await RawTaskWriter.WriteAsync(path, tasks);

        Assert.Equal(Describe(tasks), Describe(ReadWithParquetSharp(path)));
    }

    [Fact]
    public async Task WriteAsync_Parquet_ArrowReadsInt64AndListOfInt64()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.parquet");

        await RawTaskWriter.WriteAsync(path, Tasks);

        using var reader = new ParquetSharp.Arrow.FileReader(path);
        Assert.Equal(["target", "nums"], reader.Schema.FieldsList.Select(f => f.Name));
        Assert.IsType<Apache.Arrow.Types.Int64Type>(reader.Schema.GetFieldByName("target").DataType);
        var numsType = Assert.IsType<Apache.Arrow.Types.ListType>(reader.Schema.GetFieldByName("nums").DataType);
        Assert.IsType<Apache.Arrow.Types.Int64Type>(numsType.ValueDataType);
        Assert.Equal(HuggingFaceJson, reader.Schema.Metadata["huggingface"]);
    }

    [Fact]
    public async Task WriteAsync_ParquetNoTasks_WritesAnEmptyFile()
    {
        using var folder = new TempDirectory();
        var path = folder.File("empty.parquet");

        await RawTaskWriter.WriteAsync(path, []);

        using var file = new ParquetFileReader(path);
        Assert.Equal(0, file.FileMetaData.NumRows);
    }

    [Fact]
    public async Task WriteAsync_Jsonl_OneCompactObjectPerLine()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.jsonl");

        await RawTaskWriter.WriteAsync(path, Tasks);

        Assert.Equal("{\"target\":28,\"nums\":[95,11,56]}\n{\"target\":7,\"nums\":[1,2,3,4]}\n{\"target\":-3,\"nums\":[0,3]}\n",
            await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task WriteAsync_Json_OneArraySpacedAsPythonThatTheReaderReadsBack()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.json");

        await RawTaskWriter.WriteAsync(path, Tasks);

        Assert.Equal("[{\"target\": 28, \"nums\": [95, 11, 56]}, {\"target\": 7, \"nums\": [1, 2, 3, 4]}, {\"target\": -3, \"nums\": [0, 3]}]\n",
            await File.ReadAllTextAsync(path));
        var read = new List<CountdownTask>();
        await foreach (var task in TaskReader.ReadAsync(path, TaskInputFormat.Auto)) read.Add(task);
        Assert.Equal(Tasks.Select(t => (t.Target, string.Join(",", t.Nums))), read.Select(t => (t.Target, string.Join(",", t.Nums))));
    }

    [Fact]
    public async Task WriteAsync_Csv_WritesNumsAsPandasWritesAList()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.csv");

        await RawTaskWriter.WriteAsync(path, Tasks);

        Assert.Equal("target,nums\n28,\"[95, 11, 56]\"\n7,\"[1, 2, 3, 4]\"\n-3,\"[0, 3]\"\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task WriteAsync_ExistingFile_IsReplacedAndNoTemporaryFileIsLeft()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.jsonl");
        await File.WriteAllTextAsync(path, "old");

        await RawTaskWriter.WriteAsync(path, Tasks);

        Assert.StartsWith("{\"target\":28", await File.ReadAllTextAsync(path));
        Assert.Equal(["tasks.jsonl"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_Cancelled_LeavesTheOldFileAndNothingElse()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.parquet");
        await File.WriteAllTextAsync(path, "old");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RawTaskWriter.WriteAsync(path, Tasks, cancelled.Token));

        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Equal(["tasks.parquet"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_DeadWriterLeftTemporary_RemovesIt()
    {
        using var folder = new TempDirectory();
        var orphan = folder.File($".tasks.csv.{DeadProcess.Id()}.0.tmp");
        await File.WriteAllTextAsync(orphan, "half a file");

        await RawTaskWriter.WriteAsync(folder.File("tasks.csv"), Tasks);

        Assert.Equal(["tasks.csv"], folder.FileNames());
    }

    [Fact]
    public async Task WriteAsync_CancelledInNewFolder_RemovesTheFolder()
    {
        using var folder = new TempDirectory();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RawTaskWriter.WriteAsync(folder.File("new/sub/tasks.csv"), Tasks, RawTaskFormat.Csv, cancel.Token));

        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task WriteAsync_PathIsAFolder_ThrowsOutputExceptionAndCleansUp()
    {
        using var folder = new TempDirectory();
        var path = folder.File("taken.csv");
        Directory.CreateDirectory(path);

        var error = await Assert.ThrowsAsync<OutputException>(() => RawTaskWriter.WriteAsync(path, Tasks));

        Assert.Equal(path, error.Path);
        Assert.Equal($"'{path}' is a folder, so the new file cannot take its name; remove it or choose another --output. No output was changed.", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("tasks.parquet")]
    [InlineData("tasks.jsonl")]
    [InlineData("tasks.csv")]
    public async Task WriteAsync_AnyFormat_TaskReaderReadsTheSameTasks(string name)
    {
        using var folder = new TempDirectory();
        var path = folder.File(name);
        var tasks = Enumerable.Range(0, 2500).Select(i => new CountdownTask(i - 100, [i, i % 7, 99, i * 1000L])).ToArray();

        await RawTaskWriter.WriteAsync(path, tasks);

        var read = new List<CountdownTask>();
        await foreach (var task in TaskReader.ReadAsync(path, TaskInputFormat.Auto)) read.Add(task);
        Assert.Equal(Describe(tasks), Describe(read));
    }

    [Theory]
    [InlineData("a.parquet", RawTaskFormat.Parquet)]
    [InlineData("a.JSONL", RawTaskFormat.Jsonl)]
    [InlineData("a.ndjson", RawTaskFormat.Jsonl)]
    [InlineData("dir/a.csv", RawTaskFormat.Csv)]
    public void FormatFor_KnownExtension_PicksFormat(string path, RawTaskFormat expected)
        => Assert.Equal(expected, RawTaskWriter.FormatFor(path));

    [Fact]
    public void FormatFor_UnknownExtension_ThrowsUsageException()
        => Assert.Equal("Output 'tasks.txt' has the extension '.txt', which names no format; end it in .parquet, .jsonl, .json or .csv.",
            Assert.Throws<UsageException>(() => RawTaskWriter.FormatFor("tasks.txt")).Message);

    private static List<CountdownTask> ReadWithParquetSharp(string path)
    {
        var tasks = new List<CountdownTask>();
        using var file = new ParquetFileReader(path);
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var rowGroup = file.RowGroup(g);
            var rows = checked((int)rowGroup.MetaData.NumRows);
            using var targets = rowGroup.Column(0).LogicalReader<long?>();
            using var nums = rowGroup.Column(1).LogicalReader<long?[]>();
            var targetValues = targets.ReadAll(rows);
            var numValues = nums.ReadAll(rows);
            for (var i = 0; i < rows; i++) tasks.Add(new CountdownTask(targetValues[i]!.Value, numValues[i].Select(n => n!.Value).ToArray()));
        }

        return tasks;
    }

    private static string[] Describe(IEnumerable<CountdownTask> tasks)
        => tasks.Select(t => $"{t.Target} [{string.Join(", ", t.Nums)}]").ToArray();

    [Theory]
    [InlineData("tasks.parquet")]
    [InlineData("tasks.jsonl")]
    [InlineData("tasks.csv")]
    public async Task WriteBatchesAsync_BatchesOfAList_SameBytesAsTheWholeList(string name)
    {
        using var folder = new TempDirectory();
        var tasks = Enumerable.Range(0, 250_001).Select(i => new CountdownTask(i % 97, [i % 13, i % 7, i])).ToArray();
        var whole = folder.File("whole-" + name);
        var streamed = folder.File(name);

        await RawTaskWriter.WriteAsync(whole, tasks);
        await RawTaskWriter.WriteBatchesAsync(streamed, Batches(tasks, 100_000), RawTaskWriter.FormatFor(name));

        Assert.Equal(await File.ReadAllBytesAsync(whole), await File.ReadAllBytesAsync(streamed));
    }

    private static async IAsyncEnumerable<IReadOnlyList<CountdownTask>> Batches(CountdownTask[] tasks, int size)
    {
        for (var start = 0; start < tasks.Length; start += size)
        {
            await Task.Yield();
            yield return tasks[start..Math.Min(tasks.Length, start + size)];
        }
    }
}
