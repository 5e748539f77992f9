using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Scoring;

public sealed class ScoreRowReaderTests
{
    [Fact]
    public async Task ReadAsync_JsonLines_ReadsTaskAndResponseInEitherLayout()
    {
        using var folder = new ScoringTempDirectory();
        var path = folder.File("rows.jsonl");
        await File.WriteAllTextAsync(path,
            """
            {"target": 6, "nums": [1, 2, 3], "response": "<answer>1+2+3</answer>"}

            {"reward_model": {"ground_truth": {"target": 8, "numbers": [2, 3]}, "style": "rule"}, "solution_str": "x"}
            {"reward_model": {"ground_truth": "{\"target\": 1, \"numbers\": [1]}"}, "response": "y", "extra": null}
            {"target": 24.0, "nums": [24], "response": ""}
            """);

        var rows = await ReadAllAsync(path);

        Assert.Equal(4, rows.Count);
        Assert.Equal(Row(0, 6, new long[] { 1, 2, 3 }, "<answer>1+2+3</answer>"), Unpack(rows[0]));
        Assert.Equal(Row(1, 8, new long[] { 2, 3 }, "x"), Unpack(rows[1]));
        Assert.Equal(Row(2, 1, new long[] { 1 }, "y"), Unpack(rows[2]));
        Assert.Equal(Row(3, 24, new long[] { 24 }, ""), Unpack(rows[3]));
    }

    [Fact]
    public async Task ReadAsync_JsonArray_ReadsEveryElement()
    {
        using var folder = new ScoringTempDirectory();
        var path = folder.File("rows.json");
        await File.WriteAllTextAsync(path, """[{"target": 6, "nums": [1, 2, 3], "response": "a"}, {"target": 2, "nums": [2], "solution_str": "b"}]""");

        var rows = await ReadAllAsync(path);

        Assert.Equal([Row(0, 6, new long[] { 1, 2, 3 }, "a"), Row(1, 2, new long[] { 2 }, "b")], rows.Select(Unpack));
    }

    [Fact]
    public async Task ReadAsync_Csv_ReadsListsAndQuotedMultiLineResponses()
    {
        using var folder = new ScoringTempDirectory();
        var path = folder.File("rows.csv");
        await File.WriteAllTextAsync(path, "target,nums,response\n6,\"[1, 2, 3]\",\"<answer>1+2+3</answer>\"\n8,2 3,\"line one\nline \"\"two\"\"\"\n");

        var rows = await ReadAllAsync(path);

        Assert.Equal([Row(0, 6, new long[] { 1, 2, 3 }, "<answer>1+2+3</answer>"), Row(1, 8, new long[] { 2, 3 }, "line one\nline \"two\"")], rows.Select(Unpack));
    }

    [Fact]
    public async Task ReadAsync_CsvWithRewardModelJson_ReadsGroundTruth()
    {
        using var folder = new ScoringTempDirectory();
        var path = folder.File("rows.csv");
        await File.WriteAllTextAsync(path, "reward_model,solution_str\n\"{\"\"ground_truth\"\": {\"\"target\"\": 5, \"\"numbers\"\": [2, 3]}}\",<answer>2+3</answer>\n");

        var rows = await ReadAllAsync(path);

        Assert.Equal([Row(0, 5, new long[] { 2, 3 }, "<answer>2+3</answer>")], rows.Select(Unpack));
    }

    [Fact]
    public async Task ReadAsync_ParquetFlat_ReadsAcrossRowGroups()
    {
        using var folder = new ScoringTempDirectory();
        var path = folder.File("rows.parquet");
        var written = Enumerable.Range(0, 25).Select(i => ((long?)i, (long[]?)Enumerable.Range(0, i % 4).Select(n => (long)n).ToArray(), (string?)$"r{i}")).ToList();
        ScoringParquetFiles.WriteFlat(path, written, rowGroupSize: 10);

        var rows = await ReadAllAsync(path);

        Assert.Equal(written.Select((w, i) => Row(i, w.Item1!.Value, w.Item2!, w.Item3!)), rows.Select(Unpack));
    }

    [Fact]
    public async Task ReadAsync_ParquetAsPrepareWritesIt_ReadsRewardModelGroundTruth()
    {
        using var folder = new ScoringTempDirectory();
        var path = folder.File("rollouts.parquet");
        ScoringParquetFiles.WriteNested(path, [(28, [95, 11, 56], "<answer>95-11-56</answer>"), (8, [2, 3], "<answer>2**3</answer>")]);

        var rows = await ReadAllAsync(path);

        Assert.Equal([Row(0, 28, new long[] { 95, 11, 56 }, "<answer>95-11-56</answer>"), Row(1, 8, new long[] { 2, 3 }, "<answer>2**3</answer>")], rows.Select(Unpack));
    }

    [Fact]
    public async Task ReadAsync_ParquetNullResponse_ThrowsNamingTheRow()
    {
        using var folder = new ScoringTempDirectory();
        var path = folder.File("rows.parquet");
        ScoringParquetFiles.WriteFlat(path, [(1, [1], "a"), (2, [2], null)]);

        var error = await Assert.ThrowsAsync<TaskDataException>(() => ReadAllAsync(path));

        Assert.Equal($"Field 'response' in row 1 of '{path}' is 'null', not a string; fix the row or drop it.", error.Message);
        Assert.Equal(1, error.RowIndex);
    }

    [Fact]
    public async Task ReadAsync_ParquetNullList_ThrowsNamingTheRow()
    {
        using var folder = new ScoringTempDirectory();
        var path = folder.File("rows.parquet");
        ScoringParquetFiles.WriteFlat(path, [(1, [1], "a"), (2, null, "b")]);

        var error = await Assert.ThrowsAsync<TaskDataException>(() => ReadAllAsync(path));

        Assert.Equal("nums", error.Field);
        Assert.Equal(1, error.RowIndex);
    }

    [Theory]
    [InlineData("""{"nums": [1], "response": "a"}""", "Field 'target' is missing on line 1 of")]
    [InlineData("""{"target": 1, "response": "a"}""", "Field 'nums' is missing on line 1 of")]
    [InlineData("""{"target": 1, "nums": [1]}""", "Field 'response' is missing on line 1 of")]
    [InlineData("""{"target": "1", "nums": [1], "response": "a"}""", "Field 'target' on line 1 of")]
    [InlineData("""{"target": 1, "nums": [1, "2"], "response": "a"}""", "Field 'nums' on line 1 of")]
    [InlineData("""{"target": 1, "nums": [1], "response": 5}""", "Field 'response' on line 1 of")]
    [InlineData("""[1, 2]""", "The row on line 1 of")]
    [InlineData("""{"target": 1,""", "Line 1 of")]
    public async Task ReadAsync_BadJsonLine_ThrowsWithLocation(string line, string start)
    {
        using var folder = new ScoringTempDirectory();
        var path = folder.File("bad.jsonl");
        await File.WriteAllTextAsync(path, line + "\n");

        var error = await Assert.ThrowsAsync<TaskDataException>(() => ReadAllAsync(path));

        Assert.StartsWith(start, error.Message);
        Assert.EndsWith(".", error.Message);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsInputFileException()
    {
        var error = await Assert.ThrowsAsync<InputFileException>(() => ReadAllAsync("/nonexistent/answers.jsonl"));

        Assert.Equal("Input file '/nonexistent/answers.jsonl' does not exist; check the path.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_TruncatedParquet_ThrowsInputFileException()
    {
        using var folder = new ScoringTempDirectory();
        var whole = folder.File("whole.parquet");
        ScoringParquetFiles.WriteFlat(whole, [(1, [1], "a")]);
        var path = folder.File("cut.parquet");
        await File.WriteAllBytesAsync(path, (await File.ReadAllBytesAsync(whole))[..40]);

        var error = await Assert.ThrowsAsync<InputFileException>(() => ReadAllAsync(path));

        Assert.StartsWith($"'{path}' is not a readable Parquet file (", error.Message);
        Assert.EndsWith("); check the file.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_UnclosedJsonArray_ThrowsInputFileExceptionAfterTheGoodRows()
    {
        using var folder = new ScoringTempDirectory();
        var path = folder.File("rows.json");
        await File.WriteAllTextAsync(path, """[{"target": 1, "nums": [1], "response": "a"}, {"target":""");
        var rows = new List<ScoreRow>();

        var error = await Assert.ThrowsAsync<InputFileException>(async () =>
        {
            await foreach (var row in ScoreRowReader.ReadAsync(path)) rows.Add(row);
        });

        Assert.Single(rows);
        Assert.StartsWith($"'{path}' is not a valid JSON array of rows (", error.Message);
        Assert.DoesNotContain(" Path:", error.Message);
    }

    [Fact]
    public async Task ReadAsync_UnknownExtension_SniffsTheContent()
    {
        using var folder = new ScoringTempDirectory();
        var json = folder.File("rows.txt");
        await File.WriteAllTextAsync(json, """[{"target": 1, "nums": [1], "response": "a"}]""");
        var parquet = folder.File("rows.bin");
        ScoringParquetFiles.WriteFlat(parquet, [(2, [2], "b")]);

        Assert.Equal("a", Assert.Single(await ReadAllAsync(json)).Output);
        Assert.Equal("b", Assert.Single(await ReadAllAsync(parquet)).Output);
    }

    private static async Task<List<ScoreRow>> ReadAllAsync(string path)
    {
        var rows = new List<ScoreRow>();
        await foreach (var row in ScoreRowReader.ReadAsync(path)) rows.Add(row);
        return rows;
    }

    private static (long, long, string, string) Unpack(ScoreRow row) => (row.Index, row.Target, string.Join(' ', row.Numbers), row.Output);

    private static (long, long, string, string) Row(long index, long target, long[] numbers, string output) => (index, target, string.Join(' ', numbers), output);
}
