using System.Text;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Readers;

public sealed class CsvTaskReaderTests : IDisposable
{
    private readonly ReadersTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_PandasToCsv_ReadsQuotedListsAndIgnoresIndex()
    {
        // pandas.DataFrame.to_csv: an unnamed index column first, lists quoted because they hold commas.
        string path = _files.WriteText("tasks.csv", ",target,nums\n0,28,\"[95, 11, 56]\"\n1,98,\"[44, 19, 35]\"\n2,10,\"[1, 2, 3, 4]\"\n");

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(["28:95,11,56", "98:44,19,35", "10:1,2,3,4"], ReadersTestFiles.Flatten(tasks));
    }

    [Theory]
    [InlineData("[95 11 56]")]
    [InlineData("[ 95  11   56]")]
    [InlineData("95 11 56")]
    [InlineData("\"[95,11,56]\"")]
    [InlineData("\"[95, 11, 56]\"")]
    [InlineData("\"[95 , 11 ,56 ]\"")]
    [InlineData("\"95, 11, 56\"")]
    [InlineData("\"[95\n 11 56]\"")]
    public async Task ReadAsync_NumsWritten_ParsesEveryListStyle(string cell)
    {
        string path = _files.WriteText("styles.csv", $"nums,target,note\n{cell},28,x\n");

        var task = Assert.Single(await ReadersTestFiles.ReadAllAsync(path));

        Assert.Equal(28, task.Target);
        Assert.Equal([95L, 11, 56], task.Nums);
    }

    [Fact]
    public async Task ReadAsync_TsvExtension_SplitsOnTabs()
    {
        string path = _files.WriteText("tasks.tsv", "target\tnums\n28\t[95, 11, 56]\n98\t[44 19 35]\n");

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(["28:95,11,56", "98:44,19,35"], ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadAsync_TabSeparatedOnStandardInput_DetectsTabsFromHeader()
    {
        using var stdin = new NonSeekableStream(Encoding.UTF8.GetBytes("target\tnums\n28\t[95, 11, 56]\n"));

        var task = Assert.Single(await ReadersTestFiles.ReadStreamAsync(stdin, TaskInputFormat.Csv));

        Assert.Equal([95L, 11, 56], task.Nums);
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarkCrLfAndBlankLines_AreTolerated()
    {
        string path = _files.WriteBytes("bom.csv", [0xEF, 0xBB, 0xBF, .. "target,nums\r\n28,95 11 56\r\n\r\n98,44 19 35\r\n"u8]);

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(["28:95,11,56", "98:44,19,35"], ReadersTestFiles.Flatten(tasks));
    }

    [Theory]
    [InlineData("28,", "Field 'nums' is missing on line 3 of '{0}'; every record needs a list of integers in nums.", "nums")]
    [InlineData("28", "Field 'nums' is missing on line 3 of '{0}'; every record needs a list of integers in nums.", "nums")]
    [InlineData(",1 2", "Field 'target' is missing on line 3 of '{0}'; every record needs an integer target.", "target")]
    [InlineData("28.0,1 2", "Field 'target' holds '28.0' on line 3 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "target")]
    [InlineData("abc,1 2", "Field 'target' holds 'abc' on line 3 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "target")]
    [InlineData("9223372036854775808,1 2", "Field 'target' holds '9223372036854775808' on line 3 of '{0}', which is beyond the 64-bit integer range; keep values between -9223372036854775808 and 9223372036854775807.", "target")]
    [InlineData("28,[1 2.5]", "Field 'nums' holds '2.5' on line 3 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "nums")]
    [InlineData("28,[95. 11. 56.]", "Field 'nums' holds '95.' on line 3 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "nums")]
    [InlineData("28,-99999999999999999999", "Field 'nums' holds '-99999999999999999999' on line 3 of '{0}', which is beyond the 64-bit integer range; keep values between -9223372036854775808 and 9223372036854775807.", "nums")]
    [InlineData("28,[]", "Field 'nums' is an empty list on line 3 of '{0}'; every record needs at least one number.", "nums")]
    [InlineData("28,[1 2", "Field 'nums' holds '[1 2' on line 3 of '{0}', which is not a list; write it as a list such as [95, 11, 56].", "nums")]
    [InlineData("28,\"[1,,2]\"", "Field 'nums' holds '[1,,2]' on line 3 of '{0}', which is not a list; write it as a list such as [95, 11, 56].", "nums")]
    [InlineData("28,\"[1, 2,]\"", "Field 'nums' holds '[1, 2,]' on line 3 of '{0}', which is not a list; write it as a list such as [95, 11, 56].", "nums")]
    [InlineData("28,[4 -5 6]", "Field 'nums' holds the negative number '-5' on line 3 of '{0}'; the rule reward reads digits only, so it cannot score a task with negative numbers (fix or drop the record).", "nums")]
    public async Task ReadAsync_BadRecord_ThrowsNamingLineAndField(string row, string expected, string field)
    {
        string path = _files.WriteText("bad.csv", $"target,nums\n1,1 2 3\n{row}\n");

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal(string.Format(expected, path), error.Message);
        Assert.Equal((path, 3L, 1L, field), (error.SourcePath, error.LineNumber, error.RowIndex, error.Field));
    }

    [Fact]
    public async Task ReadAsync_StrayQuote_ThrowsNamingTheLine()
    {
        string path = _files.WriteText("quote.csv", "target,nums\n1,1 2 3\n28,\"[1, 2]\"x\n");

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.StartsWith($"Line 3 of '{path}' is not valid CSV", error.Message);
        Assert.Equal(3L, error.LineNumber);
    }

    [Theory]
    [InlineData("target,numbers\n1,1 2\n", "nums", "'target', 'numbers'")]
    [InlineData("nums\n1 2\n", "target", "'nums'")]
    public async Task ReadAsync_HeaderLacksColumn_ThrowsListingHeader(string text, string missing, string names)
    {
        string path = _files.WriteText("header.csv", text);

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"The header of '{path}' has no '{missing}' column (it names {names}); the first line must name the columns target and nums.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("target,nums\n")]
    public async Task ReadAsync_NoDataRows_ThrowsHoldsNoRecords(string text)
    {
        string path = _files.WriteText("empty.csv", text);

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"'{path}' holds no records; check that it is the right file and that it is not empty.", error.Message);
    }
}
