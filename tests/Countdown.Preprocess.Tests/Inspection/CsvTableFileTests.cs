using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Inspection;

public sealed class CsvTableFileTests
{
    [Fact]
    public async Task DescribeAsync_Columns_TypedAsPandasReadsThem()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.csv");
        await File.WriteAllTextAsync(path, "target,nums,ratio,ok,note\n28,\"[95, 11, 56]\",1,True,\n64,\"[7, 8]\",0.5,false,NA\n98,\"[1]\",,TRUE,\"two, words\"\n");

        await using var file = await TableFile.OpenAsync(path);
        var description = await file.DescribeAsync();
        var rows = new List<string>();
        await foreach (var row in file.ReadRowsAsync(0, 3)) rows.Add(RowJson.Format(row));

        Assert.Equal(TableFormat.Csv, description.Format);
        Assert.Equal(3, description.RowCount);
        Assert.Equal(["target: int64", "nums: string", "ratio: double", "ok: bool", "note: string"], description.Fields.Select(f => f.ToString()));
        Assert.Equal(
        [
            "{\"target\":28,\"nums\":\"[95, 11, 56]\",\"ratio\":1.0,\"ok\":true,\"note\":null}",
            "{\"target\":64,\"nums\":\"[7, 8]\",\"ratio\":0.5,\"ok\":false,\"note\":null}",
            "{\"target\":98,\"nums\":\"[1]\",\"ratio\":null,\"ok\":true,\"note\":\"two, words\"}",
        ], rows);
    }

    [Fact]
    public async Task DescribeAsync_RowWithExtraField_ThrowsWithLine()
    {
        using var folder = new TempDirectory();
        var path = folder.File("bad.csv");
        await File.WriteAllTextAsync(path, "target,nums\n28,1,2\n");

        await using var file = await TableFile.OpenAsync(path);
        var error = await Assert.ThrowsAsync<InputFileException>(() => file.DescribeAsync());

        Assert.Equal($"Line 2 of '{path}' has 3 fields but the header has 2; quote fields that hold commas.", error.Message);
    }

    [Fact]
    public async Task DescribeAsync_EmptyFile_ThrowsAskingForHeader()
    {
        using var folder = new TempDirectory();
        var path = folder.File("empty.csv");
        await File.WriteAllTextAsync(path, "");

        await using var file = await TableFile.OpenAsync(path);
        var error = await Assert.ThrowsAsync<InputFileException>(() => file.DescribeAsync());

        Assert.Equal($"'{path}' is empty; a CSV file needs a header row.", error.Message);
    }
}
