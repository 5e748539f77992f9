using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Readers.ParquetPages;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Readers.ParquetPages;
using Countdown.Preprocess.Tests.Support;
using ParquetSharp;

namespace Countdown.Preprocess.Tests.Readers;

/// <summary>The page-by-page Parquet path: every layout a writer may choose reads back exactly what was written, and bad data fails as before.</summary>
public sealed class ParquetPageReadingTests : IDisposable
{
    private readonly ReadersTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<PageLayout> Layouts => new()
    {
        new PageLayout(),
        new PageLayout { Compression = Compression.Uncompressed },
        new PageLayout { Compression = Compression.Gzip },
        new PageLayout { Compression = Compression.Zstd },
        new PageLayout { Dictionary = false },
        new PageLayout { Dictionary = false, Compression = Compression.Uncompressed, Int32 = true },
        new PageLayout { DataPageVersion = ParquetDataPageVersion.V2 },
        new PageLayout { DataPageVersion = ParquetDataPageVersion.V2, Dictionary = false, Compression = Compression.Zstd },
        new PageLayout { DataPageVersion = ParquetDataPageVersion.V2, Compression = Compression.Uncompressed, RequiredTarget = true },
        new PageLayout { Int32 = true },
        new PageLayout { RequiredTarget = true, RequiredElements = true },
        new PageLayout { LegacyRepeated = true },
        new PageLayout { LegacyRepeated = true, Int32 = true, DataPageVersion = ParquetDataPageVersion.V2, Compression = Compression.Gzip },
        new PageLayout { RowGroupSize = 7_001 },
        new PageLayout { PageChecksum = true, RowGroupSize = 10_000 },
        new PageLayout { DataPageSize = 200, WriteBatchSize = 7, Compression = Compression.Zstd },
        new PageLayout { DataPageSize = 300, WriteBatchSize = 13, DataPageVersion = ParquetDataPageVersion.V2, RequiredElements = true },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task ReadAsync_AnyPageLayout_ReturnsWhatWasWritten(PageLayout layout)
    {
        var rows = RandomRows(30_000, seed: 3, int32: layout.Int32);
        string path = _files.PathOf("layout.parquet");
        PageLayoutFiles.Write(path, rows, layout with { DataPageSize = Math.Min(layout.DataPageSize, 4096) });
        await AssertPagePathReadsAsync(path);

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(Expected(rows), ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadBatchesAsync_OneHugeRowGroupOfManySmallPages_ReturnsEveryRowInBatches()
    {
        var rows = RandomRows(200_000, seed: 9, int32: false);
        string path = _files.PathOf("huge.parquet");
        PageLayoutFiles.Write(path, rows, new PageLayout { DataPageSize = 2048 });
        using (var check = new ParquetFileReader(path))
        {
            Assert.Equal(1, check.FileMetaData.NumRowGroups);
            using var group = check.RowGroup(0);
            Assert.True(group.MetaData.GetColumnChunkMetaData(1).TotalCompressedSize > 50 * 2048, "expected many pages");
        }

        var sizes = new List<int>();
        var read = new List<CountdownTask>();
        await foreach (var batch in TaskReader.ReadBatchesAsync(path, TaskInputFormat.Parquet))
        {
            sizes.Add(batch.Count);
            read.AddRange(batch);
        }

        Assert.All(sizes[..^1], size => Assert.Equal(ParquetTaskReader.BatchRows, size));
        Assert.Equal(Expected(rows), ReadersTestFiles.Flatten(read));
    }

    public static TheoryData<int, string> BadRows => new()
    {
        { 0, "null target" }, { 1, "null list" }, { 8_191, "null element" }, { 8_192, "empty list" },
        { 8_193, "null target" }, { 12_345, "null list" }, { 16_383, "empty list" }, { 19_999, "null element" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task ReadAsync_BadRowAnywhere_ThrowsNamingThatRow(int row, string kind)
    {
        var rows = RandomRows(20_000, seed: row, int32: false)
            .Select(r => ((long?)r.target, (long?[]?)r.nums.Select(n => (long?)n).ToArray())).ToList();
        rows[row] = kind switch
        {
            "null target" => (null, rows[row].Item2),
            "null list" => (rows[row].Item1, null),
            "empty list" => (rows[row].Item1, []),
            _ => (rows[row].Item1, [1, null, 3]),
        };
        string path = _files.PathOf("bad-row.parquet");
        // Tiny pages written 3 levels at a time put page boundaries all around the bad row.
        PageLayoutFiles.Write(path, rows, new PageLayout { DataPageSize = 64, WriteBatchSize = 3, RowGroupSize = 9_000 });

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal(row, error.RowIndex);
        Assert.Equal(kind == "null target" ? "target" : "nums", error.Field);
        string expected = kind switch
        {
            "null target" => $"Field 'target' is null on row {row} of '{path}'",
            "null list" => $"Field 'nums' is null on row {row} of '{path}'",
            "empty list" => $"Field 'nums' is an empty list on row {row} of '{path}'",
            _ => $"Field 'nums' holds a null number on row {row} of '{path}'",
        };
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public async Task ReadAsync_NumberOutOfRangeInLaterBatch_ThrowsNamingGlobalRow()
    {
        var rows = RandomRows(30_000, seed: 1, int32: false);
        rows[25_000] = (5, [1, -7, 3]);
        string path = _files.PathOf("negative.parquet");
        PageLayoutFiles.Write(path, rows, new PageLayout { RowGroupSize = 20_000, DataPageSize = 1024 });

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.StartsWith($"Field 'nums' holds the negative number '-7' on row 25000 of '{path}'", error.Message);
    }

    [Theory]
    [InlineData("brotli")]
    [InlineData("delta")]
    public async Task ReadAsync_CodecOrEncodingThePagesDoNotDecode_FallsBackToWholeChunks(string feature)
    {
        var rows = RandomRows(5_000, seed: 4, int32: false);
        string path = _files.PathOf("fallback.parquet");
        PageLayoutFiles.Write(path, rows, feature == "brotli"
            ? new PageLayout { Compression = Compression.Brotli }
            : new PageLayout { ValueEncoding = Encoding.DeltaBinaryPacked, Compression = Compression.Uncompressed });
        Assert.False(await PagePathReadsAsync(path));

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(Expected(rows), ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadAsync_CorruptNumsPageHeader_ThrowsNamingRowGroupAndColumn()
    {
        string path = _files.PathOf("source.parquet");
        PageLayoutFiles.Write(path, RandomRows(1_000, seed: 2, int32: false), new PageLayout { RowGroupSize = 600 });
        long numsStart;
        await using (var reader = await global::Parquet.ParquetReader.CreateAsync(path))
        {
            var columns = ParquetTaskColumns.Resolve(reader.Schema, path);
            using var group = reader.OpenRowGroupReader(1);
            var nums = group.GetMetadata(columns.NumsElement)!.MetaData!;
            numsStart = nums.DictionaryPageOffset is > 0 and long offset ? offset : nums.DataPageOffset;
        }
        byte[] bytes = File.ReadAllBytes(path);
        Array.Fill(bytes, (byte)0xFF, (int)numsStart, 24);
        string bad = _files.WriteBytes("bad-header.parquet", bytes);

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(bad);

        Assert.StartsWith($"Row group 1 of '{bad}' is corrupt (column 'nums/list/element' cannot be decoded: ", error.Message);
        Assert.EndsWith("); download or write the file again.", error.Message);
    }

    [Theory]
    [InlineData("absurd", "more than the 256 MB this reader accepts")]
    [InlineData("past chunk", "runs past the end of its chunk")]
    [InlineData("short", "values end before")]
    public async Task ReadAsync_PageHeaderWithBadSizes_ThrowsInputFileExceptionNamingTheColumn(string fault, string expected)
    {
        var rows = RandomRows(500, seed: 8, int32: false);
        string source = _files.PathOf("plain.parquet");
        PageLayoutFiles.Write(source, rows, new PageLayout { Compression = Compression.Uncompressed, Dictionary = false, PageChecksum = true });
        byte[] bytes = File.ReadAllBytes(source);
        var real = PageHeader.Parse(bytes.AsSpan(4)); // the target chunk starts right after 'PAR1', with its one data page
        var (uncompressed, compressed) = fault switch
        {
            "absurd" => (1 << 30, real.CompressedSize),
            "past chunk" => (real.UncompressedSize + 100, real.CompressedSize + 100),
            _ => (real.UncompressedSize - 16, real.CompressedSize - 16),
        };
        var forged = new ThriftBytes().I32(1, 0).I32(2, uncompressed).I32(3, compressed)
            .Begin(5).I32(1, real.NumValues).I32(2, 0).End(); // no checksum; levels default to RLE
        int padding = real.HeaderLength - forged.ToArray().Length - 3; // an unknown binary field fills the header to its old length
        Assert.InRange(padding, 0, 120);
        forged.Binary(30, new byte[padding]).ToArray().CopyTo(bytes, 4);
        string path = _files.WriteBytes("forged.parquet", bytes);

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.StartsWith($"Row group 0 of '{path}' is corrupt (column 'target' cannot be decoded: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(Compression.Snappy)]
    [InlineData(Compression.Zstd)]
    [InlineData(Compression.Gzip)]
    [InlineData(Compression.Uncompressed)]
    public async Task ReadAsync_RandomByteFlipsInPages_FailCleanlyOrReadValidTasks(Compression compression)
    {
        string path = _files.PathOf("fuzz-source.parquet");
        PageLayoutFiles.Write(path, RandomRows(3_000, seed: 5, int32: false), new PageLayout { Compression = compression, DataPageSize = 512, RowGroupSize = 1_500 });
        byte[] original = File.ReadAllBytes(path);
        int footer = BitConverter.ToInt32(original, original.Length - 8);
        int pagesEnd = original.Length - 8 - footer;
        var random = new Random((int)compression);
        for (int round = 0; round < 60; round++)
        {
            byte[] bytes = (byte[])original.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
                bytes[random.Next(4, pagesEnd)] ^= (byte)random.Next(1, 256);
            string mutated = _files.WriteBytes($"fuzz-{round}.parquet", bytes);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await TaskReader.ReadAsync(mutated, TaskInputFormat.Parquet, timeout.Token).CountAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is InputFileException or TaskDataException)
            {
                Assert.DoesNotContain("   at ", ex.Message);
            }
        }
    }

    /// <summary>Random well-formed tasks: 3 or 4 numbers, spread wide enough that dictionaries hold many entries.</summary>
    internal static (long target, long[] nums)[] RandomRows(int count, int seed, bool int32)
    {
        var random = new Random(seed);
        long Next() => int32 ? random.Next(0, int.MaxValue) : random.NextInt64(0, 1_000) * (random.Next(10) == 0 ? 1_000_000_007 : 1);
        return Enumerable.Range(0, count).Select(_ => (Next(), Enumerable.Range(0, random.Next(3, 5)).Select(_ => Next()).ToArray())).ToArray();
    }

    internal static IEnumerable<string> Expected((long target, long[] nums)[] rows)
        => rows.Select(r => $"{r.target}:{string.Join(',', r.nums)}");

    private static async Task AssertPagePathReadsAsync(string path) => Assert.True(await PagePathReadsAsync(path), "the page path should read this layout");

    /// <summary>Whether every row group of <paramref name="path"/> takes the page path.</summary>
    internal static async Task<bool> PagePathReadsAsync(string path)
    {
        await using var reader = await global::Parquet.ParquetReader.CreateAsync(path);
        var columns = ParquetTaskColumns.Resolve(reader.Schema, path);
        for (int group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            if (!ColumnPageCursor.CanRead(rowGroup.GetMetadata(columns.Target)?.MetaData, columns.Target.ClrType == typeof(int))
                || !ColumnPageCursor.CanRead(rowGroup.GetMetadata(columns.NumsElement)?.MetaData, columns.NumsElement.ClrType == typeof(int)))
                return false;
        }
        return true;
    }
}
