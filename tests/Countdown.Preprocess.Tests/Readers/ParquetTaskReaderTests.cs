using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;
using ParquetSharp;

namespace Countdown.Preprocess.Tests.Readers;

public sealed class ParquetTaskReaderTests : IDisposable
{
    private static readonly (long target, long[] nums)[] Sample =
    [
        (28, [95, 11, 56]), (98, [44, 19, 35]), (64, [63, 95, 96]), (20, [21, 6, 2, 29]), (0, [0, 0, 0]),
        (924, [25, 50, 75, 100]), (1, [1]), (9223372036854775807, [9223372036854775807, 3, 4]), (-5, [5, 10, 2]), (77, [7, 7, 7, 7]),
    ];

    private readonly ReadersTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, PyarrowLayoutOptions> Layouts => new()
    {
        { "pyarrow 13+ (element)", new PyarrowLayoutOptions() },
        { "pyarrow < 13 (item)", new PyarrowLayoutOptions { ElementName = "item" } },
        { "int32 columns", new PyarrowLayoutOptions { Int32 = true } },
        { "nums first, extra column", new PyarrowLayoutOptions { NumsFirst = true, ExtraColumn = true } },
        { "plain pages", new PyarrowLayoutOptions { Dictionary = false } },
        { "row groups of 3, tiny pages", new PyarrowLayoutOptions { RowGroupSize = 3, DataPageSize = 16 } },
        { "item, int32, row groups of 4", new PyarrowLayoutOptions { ElementName = "item", Int32 = true, RowGroupSize = 4 } },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task ReadAsync_PyarrowLayout_ReturnsRowsInOrder(string layout, PyarrowLayoutOptions options)
    {
        var rows = options.Int32 ? Sample.Where(r => r.target is >= int.MinValue and <= int.MaxValue && r.nums.All(n => n <= int.MaxValue)).ToArray() : Sample;
        string path = _files.PathOf("tasks.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, rows, options);

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.True(rows.Length >= 9, layout);
        Assert.Equal(rows.Select(r => $"{r.target}:{string.Join(',', r.nums)}"), ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadAsync_ManyRowGroupsAndPages_MatchesWhatWasWritten()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 20_000)
            .Select(_ => ((long)random.Next(1, 100), Enumerable.Range(0, random.Next(3, 5)).Select(_ => (long)random.Next(1, 100)).ToArray()))
            .ToArray();
        string path = _files.PathOf("many.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, rows, new PyarrowLayoutOptions { RowGroupSize = 3_000, DataPageSize = 1024 });
        using (var check = new ParquetFileReader(path))
            Assert.Equal(7, check.FileMetaData.NumRowGroups);

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(rows.Select(r => $"{r.Item1}:{string.Join(',', r.Item2)}"), ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadAsync_SeekableFileOfManyRowGroups_YieldsFirstRowBeforeReadingMostOfTheFile()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 40_000)
            .Select(_ => ((long)random.Next(1, 1000), Enumerable.Range(0, 4).Select(_ => random.NextInt64()).ToArray()))
            .ToArray();
        string path = _files.PathOf("streamed.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, rows, new PyarrowLayoutOptions { RowGroupSize = 4_000, Dictionary = false });
        long length = new FileInfo(path).Length;
        await using var counting = new CountingStream(File.OpenRead(path));

        var read = new List<CountdownTask>();
        long bytesAtFirstRow = -1;
        await foreach (var task in TaskReader.ReadAsync(counting, path, TaskInputFormat.Parquet))
        {
            if (read.Count == 0) bytesAtFirstRow = counting.BytesRead;
            read.Add(task);
        }

        Assert.InRange(bytesAtFirstRow, 1, length / 4);
        Assert.Equal(rows.Select(r => $"{r.Item1}:{string.Join(',', r.Item2)}"), ReadersTestFiles.Flatten(read));
    }

    [Fact]
    public async Task ReadBatchesAsync_OneHugeRowGroup_HandsOnBoundedBatchesInOrder()
    {
        var rows = Enumerable.Range(0, 150_000).Select(i => ((long)i, new[] { (long)(i % 97), 2L, 3L })).ToArray();
        string path = _files.PathOf("one-group.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, rows, new PyarrowLayoutOptions { RowGroupSize = 1_000_000 });
        using (var check = new ParquetFileReader(path))
            Assert.Equal(1, check.FileMetaData.NumRowGroups);

        var sizes = new List<int>();
        var read = new List<CountdownTask>();
        await foreach (var batch in TaskReader.ReadBatchesAsync(path, TaskInputFormat.Parquet))
        {
            sizes.Add(batch.Count);
            read.AddRange(batch);
        }

        Assert.Equal(150_000 / ParquetTaskReader.BatchRows + 1, sizes.Count);
        Assert.All(sizes[..^1], size => Assert.Equal(ParquetTaskReader.BatchRows, size));
        Assert.Equal(150_000 % ParquetTaskReader.BatchRows, sizes[^1]);
        Assert.Equal(rows.Select(r => $"{r.Item1}:{string.Join(',', r.Item2)}"), ReadersTestFiles.Flatten(read));
    }

    [Fact]
    public async Task ReadAsync_DictionaryFallsBackToPlainMidChunk_MatchesWhatWasWritten()
    {
        var random = new Random(11);
        var rows = Enumerable.Range(0, 5_000)
            .Select(_ => (random.NextInt64(), new[] { random.NextInt64(0, long.MaxValue), random.NextInt64(0, 1000), 5L }))
            .ToArray();
        string path = _files.PathOf("fallback.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, rows, new PyarrowLayoutOptions { DictionaryPageSizeLimit = 2048, DataPageSize = 4096 });

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(rows.Select(r => $"{r.Item1}:{string.Join(',', r.Item2)}"), ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadAsync_NullTargetInSecondRowGroup_ThrowsWithGlobalRow()
    {
        string path = _files.PathOf("null-target.parquet");
        var rows = Sample.Select(r => ((long?)r.target, (long?[]?)r.nums.Select(n => (long?)n).ToArray())).ToList();
        rows[4] = (null, rows[4].Item2);
        PyarrowLayoutFiles.WriteNullableRawTasks(path, rows, new PyarrowLayoutOptions { RowGroupSize = 3 });

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"Field 'target' is null on row 4 of '{path}'; every record needs an integer target.", error.Message);
        Assert.Equal((path, 4L, "target"), (error.SourcePath, error.RowIndex, error.Field));
        Assert.Null(error.LineNumber);
    }

    [Fact]
    public async Task ReadAsync_NullNums_ThrowsNamingRowAndField()
    {
        string path = _files.PathOf("null-nums.parquet");
        PyarrowLayoutFiles.WriteNullableRawTasks(path, [(1, [1, 2]), (2, null), (3, [3])]);

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"Field 'nums' is null on row 1 of '{path}'; every record needs a list of integers in nums.", error.Message);
        Assert.Equal((1L, "nums"), (error.RowIndex, error.Field));
    }

    [Fact]
    public async Task ReadAsync_NullElement_ThrowsNamingRowAndField()
    {
        string path = _files.PathOf("null-element.parquet");
        PyarrowLayoutFiles.WriteNullableRawTasks(path, [(1, [1, 2]), (2, [4, 5]), (3, [3, null, 7])], new PyarrowLayoutOptions { ElementName = "item" });

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"Field 'nums' holds a null number on row 2 of '{path}'; every number in nums must be an integer.", error.Message);
        Assert.Equal((2L, "nums"), (error.RowIndex, error.Field));
    }

    [Fact]
    public async Task ReadAsync_EarlierRowFailsFirst_ReportsTheEarliestRow()
    {
        string path = _files.PathOf("two-errors.parquet");
        PyarrowLayoutFiles.WriteNullableRawTasks(path, [(1, [1]), (2, null), (null, [3])]);

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal((1L, "nums"), (error.RowIndex, error.Field));
    }

    [Fact]
    public async Task ReadAsync_EmptyList_ThrowsNamingRow()
    {
        string path = _files.PathOf("empty-list.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, [(1, [1]), (2, [])]);

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"Field 'nums' is an empty list on row 1 of '{path}'; every record needs at least one number.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_NegativeNumber_ThrowsExplainingTheReward()
    {
        string path = _files.PathOf("negative.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, [(1, [1, 2]), (2, [3, -4])], new PyarrowLayoutOptions { Int32 = true });

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.StartsWith($"Field 'nums' holds the negative number '-4' on row 1 of '{path}'; the rule reward reads digits only", error.Message);
        Assert.Equal((1L, "nums"), (error.RowIndex, error.Field));
    }

    [Theory]
    [InlineData(false, true, "target", "'source', 'nums'")]
    [InlineData(true, false, "nums", "'source', 'target'")]
    public async Task ReadAsync_MissingColumn_ThrowsListingColumns(bool includeTarget, bool includeNums, string missing, string present)
    {
        string path = _files.PathOf("missing.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, Sample, new PyarrowLayoutOptions { IncludeTarget = includeTarget, IncludeNums = includeNums, ExtraColumn = true });

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"'{path}' has no '{missing}' column (its columns are {present}); the input needs an integer column target and an integer-list column nums.", error.Message);
        Assert.Equal(path, error.SourcePath);
    }

    [Fact]
    public async Task ReadAsync_FloatTargetColumn_ThrowsNamingType()
    {
        string path = _files.PathOf("float.parquet");
        using (var writer = new ParquetFileWriter(path, [new Column<double>("target"), new Column<long[]>("nums")]))
        {
            using var rowGroup = writer.AppendRowGroup();
            using (var target = rowGroup.NextColumn().LogicalWriter<double>())
                target.WriteBatch([28.0]);
            using (var nums = rowGroup.NextColumn().LogicalWriter<long[]>())
                nums.WriteBatch([[95, 11, 56]]);
            writer.Close();
        }

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"Column 'target' of '{path}' is of type 'Double'; it must be an int64 (or int32) column.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_TruncatedFile_ThrowsInputFileException()
    {
        string source = _files.PathOf("whole.parquet");
        PyarrowLayoutFiles.WriteRawTasks(source, Sample);
        byte[] bytes = File.ReadAllBytes(source);
        string path = _files.WriteBytes("cut.parquet", bytes[..(bytes.Length / 2)]);

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"'{path}' is truncated: it starts like a Parquet file but its footer is missing; download or write it again.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_NotParquet_ThrowsInputFileException()
    {
        string path = _files.WriteText("tasks.parquet", "{\"nums\": [1, 2], \"target\": 3}\n");

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"'{path}' is not a Parquet file (it does not start with 'PAR1'); pass --input-format if it holds JSON Lines, JSON or CSV.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_CorruptFooter_ThrowsInputFileException()
    {
        string source = _files.PathOf("whole.parquet");
        PyarrowLayoutFiles.WriteRawTasks(source, Sample);
        byte[] bytes = File.ReadAllBytes(source);
        int footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        Array.Fill(bytes, (byte)0xEE, bytes.Length - 8 - footerLength, footerLength);
        string path = _files.WriteBytes("corrupt.parquet", bytes);

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.StartsWith($"'{path}' has a corrupt Parquet footer (", error.Message);
        Assert.EndsWith("); download or write it again.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_CorruptPageHeader_ThrowsNamingRowGroupAndColumn()
    {
        string source = _files.PathOf("whole.parquet");
        PyarrowLayoutFiles.WriteRawTasks(source, Sample);
        long targetChunkSize;
        using (var check = new ParquetFileReader(source))
        using (var rowGroup = check.RowGroup(0))
            targetChunkSize = rowGroup.MetaData.GetColumnChunkMetaData(0).TotalCompressedSize;
        byte[] bytes = File.ReadAllBytes(source);
        Array.Fill(bytes, (byte)0xFF, 4, (int)targetChunkSize); // the first column chunk starts right after 'PAR1'
        string path = _files.WriteBytes("bad-page.parquet", bytes);

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.StartsWith($"Row group 0 of '{path}' is corrupt (column 'target' cannot be decoded: ", error.Message);
        Assert.EndsWith("); download or write the file again.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_DataPageV2Lists_AreReadPageByPage()
    {
        // Parquet.Net 6.1 cannot read list columns from data page v2; the page-by-page reader can.
        string path = _files.PathOf("v2.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, Sample, new PyarrowLayoutOptions { DataPageVersion = ParquetDataPageVersion.V2 });

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(Sample.Select(r => $"{r.target}:{string.Join(',', r.nums)}"), ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadAsync_ZeroRows_ThrowsHoldsNoRecords()
    {
        string path = _files.PathOf("empty.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, []);

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"'{path}' holds no records; check that it is the right file and that it is not empty.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_ZeroBytes_ThrowsInputFileException()
    {
        string path = _files.WriteBytes("zero.parquet", []);

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"'{path}' is empty (0 bytes), so it holds no records; check that it is the right file.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_ParquetOnStandardInput_IsSniffedAndRead()
    {
        string path = _files.PathOf("stdin.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, Sample, new PyarrowLayoutOptions { RowGroupSize = 4 });
        using var stdin = new NonSeekableStream(File.ReadAllBytes(path));

        var tasks = await ReadersTestFiles.ReadStreamAsync(stdin);

        Assert.Equal(Sample.Length, tasks.Count);
        Assert.Equal([924L, 25, 50, 75, 100], [tasks[5].Target, .. tasks[5].Nums]);
    }

    [Fact]
    public async Task ReadAsync_CancelledAfterFirstRowGroup_StopsBeforeTheNext()
    {
        string path = _files.PathOf("cancel.parquet");
        PyarrowLayoutFiles.WriteRawTasks(path, Sample, new PyarrowLayoutOptions { RowGroupSize = 3 });
        using var cancellation = new CancellationTokenSource();
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in TaskReader.ReadAsync(path, TaskInputFormat.Parquet, cancellation.Token))
            {
                seen++;
                cancellation.Cancel();
            }
        });

        Assert.Equal(3, seen);
    }
}
