using Countdown.Preprocess.Preparing;
using Countdown.Preprocess.Sharding;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;
using Countdown.Preprocess.Validation;
using ParquetSharp;

namespace Countdown.Preprocess.Tests.Sharding;

public sealed class ShardedPrepareTests
{
    private static string WriteJsonl(TempDirectory dir, int count)
        => dir.WriteJsonl(Enumerable.Range(0, count).Select(i => ((long)(10 + i % 80), new long[] { 1 + i % 90, 2 + i % 7, 3 })));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_MaxRowsPerFile_ShardsInOrderEqualTheSingleFile(bool dedupe)
    {
        using var dir = new TempDirectory();
        var input = WriteJsonl(dir, 2_600);
        var single = new PrepareOptions { InputPaths = [input], OutputDirectory = dir.File("single"), TrainSize = 2_000, TestSize = 100, Dedupe = dedupe };
        var sharded = single with { OutputDirectory = dir.File("sharded"), MaxRowsPerFile = 700 };

        await PrepareJob.RunAsync(single);
        var result = await PrepareJob.RunAsync(sharded);

        Assert.Equal(["test-00000-of-00001.parquet", "train-00000-of-00003.parquet", "train-00001-of-00003.parquet", "train-00002-of-00003.parquet"],
            Directory.GetFiles(sharded.OutputDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(3, result.TrainShards!.Count);
        Assert.Equal([700L, 700L, 600L], result.TrainShards.Select(s => s.Rows));
        var shardRows = new List<string>();
        foreach (var shard in result.TrainShards)
        {
            using var reader = new ParquetFileReader(shard.Path); // Arrow C++ reads each shard as a complete file
            Assert.Equal(SchemaOf(Path.Combine(single.OutputDirectory, "train.parquet")), Describe(reader.FileMetaData.Schema));
            Assert.Equal(MetadataOf(Path.Combine(single.OutputDirectory, "train.parquet")), reader.FileMetaData.KeyValueMetadata);
            shardRows.AddRange(await ParquetWriterTestFiles.ReadRowsAsJsonAsync(shard.Path));
        }
        Assert.Equal(await ParquetWriterTestFiles.ReadRowsAsJsonAsync(Path.Combine(single.OutputDirectory, "train.parquet")), shardRows);
    }

    [Fact]
    public async Task RunAsync_RerunWithOtherShardCountOrNone_LeavesOnlyTheNewSet()
    {
        using var dir = new TempDirectory();
        var input = WriteJsonl(dir, 1_200);
        var options = new PrepareOptions { InputPaths = [input], OutputDirectory = dir.File("out"), TrainSize = 1_000, TestSize = 100, MaxRowsPerFile = 250 };
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(options.OutputDirectory).FullName, "notes.parquet"), "not a split file");

        await PrepareJob.RunAsync(options);
        await PrepareJob.RunAsync(options with { MaxRowsPerFile = 600 });
        var afterTwo = Directory.GetFiles(options.OutputDirectory).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        await PrepareJob.RunAsync(options with { MaxRowsPerFile = null });
        var afterNone = Directory.GetFiles(options.OutputDirectory).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["notes.parquet", "test-00000-of-00001.parquet", "train-00000-of-00002.parquet", "train-00001-of-00002.parquet"], afterTwo);
        Assert.Equal(["notes.parquet", "test.parquet", "train.parquet"], afterNone);
    }

    [Fact]
    public async Task RunAsync_ShardedRunFailsLate_OldSetStaysWhole()
    {
        using var dir = new TempDirectory();
        var input = WriteJsonl(dir, 1_200);
        var options = new PrepareOptions { InputPaths = [input], OutputDirectory = dir.File("out"), TrainSize = 1_000, TestSize = 100, MaxRowsPerFile = 500 };
        await PrepareJob.RunAsync(options);
        var before = Directory.GetFiles(options.OutputDirectory).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f).Length)).ToArray();

        await Assert.ThrowsAsync<NotEnoughTasksException>(() => PrepareJob.RunAsync(options with { TrainSize = 1_150, MaxRowsPerFile = 100 }));

        Assert.Equal(before, Directory.GetFiles(options.OutputDirectory).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f).Length)).ToArray());
    }

    [Fact]
    public async Task ValidateAsync_FolderOfShards_ChecksEachSplitAsOneFile()
    {
        using var dir = new TempDirectory();
        var options = new PrepareOptions { InputPaths = [WriteJsonl(dir, 1_200)], OutputDirectory = dir.File("out"), TrainSize = 1_000, TestSize = 100, MaxRowsPerFile = 300 };
        await PrepareJob.RunAsync(options);

        var report = await PreparedFileValidator.ValidateAsync([options.OutputDirectory]);

        Assert.True(report.Passed(strict: false));
        Assert.Equal([("train", 1_000L), ("test", 100L)], report.Files.Select(f => (f.Split!, f.RowCount)));
        Assert.EndsWith("train-*-of-00004.parquet", report.Files[0].Path);
    }

    [Fact]
    public async Task ValidateAsync_LoneLaterShard_IndexRunsOnFromItsFirstRow()
    {
        using var dir = new TempDirectory();
        var options = new PrepareOptions { InputPaths = [WriteJsonl(dir, 1_200)], OutputDirectory = dir.File("out"), TrainSize = 1_000, TestSize = 100, MaxRowsPerFile = 300 };
        await PrepareJob.RunAsync(options);

        var report = await PreparedFileValidator.ValidateAsync([Path.Combine(options.OutputDirectory, "train-00002-of-00004.parquet")]);

        Assert.True(report.Passed(strict: true));
        Assert.Equal(("train", 300L), (report.Files[0].Split!, report.Files[0].RowCount));
    }

    [Fact]
    public async Task ValidateAsync_FolderWithAShardMissingOrTwoSets_ThrowsInputFileException()
    {
        using var dir = new TempDirectory();
        var options = new PrepareOptions { InputPaths = [WriteJsonl(dir, 1_200)], OutputDirectory = dir.File("out"), TrainSize = 1_000, TestSize = 100, MaxRowsPerFile = 300 };
        await PrepareJob.RunAsync(options);
        var folder = options.OutputDirectory;

        File.Copy(Path.Combine(folder, "train-00000-of-00004.parquet"), Path.Combine(folder, "train-00000-of-00002.parquet"));
        var mixed = await Assert.ThrowsAsync<InputFileException>(() => PreparedFileValidator.ValidateAsync([folder]));
        File.Delete(Path.Combine(folder, "train-00000-of-00002.parquet"));
        File.Delete(Path.Combine(folder, "train-00002-of-00004.parquet"));
        var missing = await Assert.ThrowsAsync<InputFileException>(() => PreparedFileValidator.ValidateAsync([folder]));

        Assert.Contains("mixes train files of different sets", mixed.Message);
        Assert.Contains("has 3 of the 4 train shards", missing.Message);
    }

    [Theory]
    [InlineData("train-00000-of-00004.parquet", true, "train", 0, 4)]
    [InlineData("test-00012-of-00100.parquet", true, "test", 12, 100)]
    [InlineData("train-00004-of-00004.parquet", false, "", 0, 0)]
    [InlineData("train-0001-of-00004.parquet", false, "", 0, 0)]
    [InlineData("train.parquet", false, "", 0, 0)]
    public void TryParse_Names_ReadsOnlyCompleteShardNames(string name, bool ok, string split, int index, int count)
    {
        var parsed = ShardNames.TryParse(name, out var s, out var i, out var n);

        Assert.Equal((ok, split, index, count), (parsed, ok ? s : "", ok ? i : 0, ok ? n : 0));
        if (ok) Assert.Equal(name, ShardNames.FileName(s, i, n));
    }

    private static string SchemaOf(string path)
    {
        using var reader = new ParquetFileReader(path);
        return Describe(reader.FileMetaData.Schema);
    }

    private static string Describe(ParquetSharp.SchemaDescriptor schema)
        => string.Join(";", Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i))
            .Select(c => $"{c.Path.ToDotString()}:{c.PhysicalType}:{c.LogicalType}:{c.MaxDefinitionLevel}:{c.MaxRepetitionLevel}"));

    private static IReadOnlyDictionary<string, string> MetadataOf(string path)
    {
        using var reader = new ParquetFileReader(path);
        return reader.FileMetaData.KeyValueMetadata;
    }
}
