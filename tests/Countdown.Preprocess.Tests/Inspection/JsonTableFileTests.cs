using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Inspection;

public sealed class JsonTableFileTests
{
    [Fact]
    public async Task DescribeAsync_JsonLines_InfersWidenedTypesAndNullability()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.jsonl");
        await File.WriteAllTextAsync(path,
            "{\"target\": 28, \"nums\": [95, 11, 56], \"score\": 1, \"meta\": {\"src\": \"a\"}}\n" +
            "\n" +
            "{\"target\": 64, \"nums\": [], \"score\": 0.5, \"extra\": true}\n" +
            "{\"target\": 98, \"nums\": [44, null], \"score\": null, \"meta\": {\"src\": \"b\", \"n\": 2}}\n");

        await using var file = await TableFile.OpenAsync(path);
        var description = await file.DescribeAsync();

        Assert.Equal(TableFormat.JsonLines, description.Format);
        Assert.Equal(3, description.RowCount);
        Assert.Equal(
        [
            "target: int64 not null",
            "nums: list<item: int64> not null",
            "score: double",
            "meta: struct<src: string not null, n: int64>",
            "extra: bool",
        ], description.Fields.Select(f => f.ToString()));
    }

    [Fact]
    public async Task ReadRowsAsync_JsonLinesWithOffset_CoercesIntegersInDoubleColumns()
    {
        using var folder = new TempDirectory();
        var path = folder.File("rows.jsonl");
        await File.WriteAllTextAsync(path, "{\"a\": 1}\n{\"a\": 2.5}\n{\"a\": 3, \"b\": [1]}\n");

        await using var file = await TableFile.OpenAsync(path);
        var rows = new List<string>();
        await foreach (var row in file.ReadRowsAsync(1, 5)) rows.Add(RowJson.Format(row));

        Assert.Equal(["{\"a\":2.5}", "{\"a\":3.0,\"b\":[1]}"], rows);
    }

    [Fact]
    public async Task DescribeAsync_JsonArray_ReadsRecords()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.json");
        await File.WriteAllTextAsync(path, "[\n  {\"target\": 28, \"nums\": [95, 11, 56]},\n  {\"target\": 64, \"nums\": [7, 8]}\n]\n");

        await using var file = await TableFile.OpenAsync(path);
        var description = await file.DescribeAsync();
        var rows = new List<string>();
        await foreach (var row in file.ReadRowsAsync(0, 10)) rows.Add(RowJson.Format(row));

        Assert.Equal(TableFormat.Json, description.Format);
        Assert.Equal(["target: int64 not null", "nums: list<item: int64 not null> not null"], description.Fields.Select(f => f.ToString()));
        Assert.Equal(["{\"target\":28,\"nums\":[95,11,56]}", "{\"target\":64,\"nums\":[7,8]}"], rows);
    }

    [Fact]
    public async Task OpenAsync_JsonFileHoldingLines_ReadsAsJsonLines()
    {
        using var folder = new TempDirectory();
        var path = folder.File("hf-export.json");
        await File.WriteAllTextAsync(path, "{\"target\": 28}\n{\"target\": 64}\n");

        await using var file = await TableFile.OpenAsync(path);
        var description = await file.DescribeAsync();

        Assert.Equal(TableFormat.JsonLines, description.Format);
        Assert.Equal(2, description.RowCount);
    }

    [Fact]
    public async Task DescribeAsync_BadLine_ThrowsWithLineNumber()
    {
        using var folder = new TempDirectory();
        var path = folder.File("bad.jsonl");
        await File.WriteAllTextAsync(path, "{\"target\": 28}\n{\"target\": 64,\n");

        await using var file = await TableFile.OpenAsync(path);
        var error = await Assert.ThrowsAsync<InputFileException>(() => file.DescribeAsync());

        Assert.StartsWith($"Line 2 of '{path}' is not valid JSON (", error.Message);
        Assert.EndsWith("; each line must be one JSON object.", error.Message);
    }

    [Fact]
    public async Task DescribeAsync_ArrayOfNumbers_ThrowsNamingTheElement()
    {
        using var folder = new TempDirectory();
        var path = folder.File("numbers.json");
        await File.WriteAllTextAsync(path, "[{\"a\": 1}, 2]");

        await using var file = await TableFile.OpenAsync(path);
        var error = await Assert.ThrowsAsync<InputFileException>(() => file.DescribeAsync());

        Assert.Equal($"Element 1 of '{path}' is a number, not an object; every record must be a JSON object.", error.Message);
    }
}
