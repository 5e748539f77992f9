using System.Text;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Readers;

public sealed class JsonlTaskReaderTests : IDisposable
{
    private readonly ReadersTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_KeysInAnyOrderExtraKeysBlankLines_ReturnsTasksInOrder()
    {
        string path = _files.WriteText("tasks.jsonl",
            "{\"nums\": [95, 11, 56], \"target\": 28}\n" +
            "\n" +
            "   \r\n" +
            "{\"target\": 98, \"id\": \"x\", \"meta\": {\"a\": [1, {\"b\": null}]}, \"nums\": [44, 19, 35]}\r\n" +
            "  {\"nums\":[1,2,3,4],\"target\":-7,\"nums_str\":\"[1]\"}  \n" +
            "{\"target\": 9223372036854775807, \"nums\": [0, 9223372036854775807]}");

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(["28:95,11,56", "98:44,19,35", "-7:1,2,3,4", "9223372036854775807:0,9223372036854775807"], ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarkAndNdjsonExtension_ReadsFirstLine()
    {
        string path = _files.WriteBytes("tasks.ndjson", [0xEF, 0xBB, 0xBF, .. "{\"nums\": [1, 2], \"target\": 3}\n"u8]);

        var task = Assert.Single(await ReadersTestFiles.ReadAllAsync(path));

        Assert.Equal(3, task.Target);
        Assert.Equal([1L, 2], task.Nums);
    }

    [Fact]
    public async Task ReadAsync_LinesLongerThanTheBlock_AreReadWhole()
    {
        var numbers = Enumerable.Range(1, 30_000).Select(n => (long)n).ToArray();
        var text = new StringBuilder();
        for (int i = 0; i < 3; i++)
            text.Append("{\"target\": ").Append(i).Append(", \"nums\": [").AppendJoin(", ", numbers).Append("]}\n");
        string path = _files.WriteText("long.jsonl", text.ToString());

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(numbers, t.Nums));
        Assert.Equal([0L, 1, 2], tasks.Select(t => t.Target));
    }

    [Fact]
    public async Task ReadAsync_ManyLines_KeepsLineNumbersAcrossBlocks()
    {
        var text = new StringBuilder();
        for (int i = 1; i < 20_000; i++)
            text.Append("{\"nums\": [").Append(i).Append(", 2, 3], \"target\": ").Append(i).Append("}\n");
        text.Append("{\"nums\": [1, 2, 3]}\n");
        string path = _files.WriteText("many.jsonl", text.ToString());

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"Field 'target' is missing on line 20000 of '{path}'; every record needs an integer target.", error.Message);
        Assert.Equal((path, 20000L, "target"), (error.SourcePath, error.LineNumber, error.Field));
    }

    [Fact]
    public async Task ReadAsync_MalformedLine_ThrowsNamingTheLine()
    {
        string path = _files.WriteText("bad.jsonl", "{\"nums\": [1, 2], \"target\": 3}\n{\"nums\": [1, 2, \"target\": 3}\n");

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.StartsWith($"Line 2 of '{path}' is not valid JSON (at byte ", error.Message);
        Assert.EndsWith("); fix or remove that line.", error.Message);
        Assert.Equal((2L, (string?)null), (error.LineNumber, error.Field));
    }

    [Theory]
    [InlineData("{\"nums\": [1, 2], \"target\": 3} x")]
    [InlineData("{\"nums\": [1, 2], \"target\": 3}{\"nums\": [1], \"target\": 1}")]
    [InlineData("{\"nums\": [1, 2], \"target\": 3")]
    [InlineData("{'nums': [1, 2], 'target': 3}")]
    public async Task ReadAsync_NotExactlyOneJsonValue_ThrowsMalformed(string line)
    {
        string path = _files.WriteText("bad.jsonl", line + "\n");

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.StartsWith($"Line 1 of '{path}' is not valid JSON", error.Message);
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("28")]
    [InlineData("\"text\"")]
    public async Task ReadAsync_LineIsNotAnObject_ThrowsNamingTheLine(string line)
    {
        string path = _files.WriteText("bad.jsonl", line);

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"Line 1 of '{path}' is not a JSON object; every line must be an object such as {{\"nums\": [95, 11, 56], \"target\": 28}}.", error.Message);
    }

    [Theory]
    [InlineData("{\"nums\": [1, 2]}", "Field 'target' is missing on line 1 of '{0}'; every record needs an integer target.", "target")]
    [InlineData("{\"target\": 3}", "Field 'nums' is missing on line 1 of '{0}'; every record needs a list of integers in nums.", "nums")]
    [InlineData("{\"nums\": [1, 2], \"target\": null}", "Field 'target' is null on line 1 of '{0}'; every record needs an integer target.", "target")]
    [InlineData("{\"nums\": null, \"target\": 3}", "Field 'nums' is null on line 1 of '{0}'; every record needs a list of integers in nums.", "nums")]
    [InlineData("{\"nums\": [1, 2], \"target\": 3.5}", "Field 'target' holds '3.5' on line 1 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "target")]
    [InlineData("{\"nums\": [1, 2], \"target\": 28.0}", "Field 'target' holds '28.0' on line 1 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "target")]
    [InlineData("{\"nums\": [1, 2], \"target\": 1e3}", "Field 'target' holds '1e3' on line 1 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "target")]
    [InlineData("{\"nums\": [1, 2], \"target\": \"28\"}", "Field 'target' holds '\"28\"' on line 1 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "target")]
    [InlineData("{\"nums\": [1, 2], \"target\": true}", "Field 'target' holds 'true' on line 1 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "target")]
    [InlineData("{\"nums\": [1, 2], \"target\": 9223372036854775808}", "Field 'target' holds '9223372036854775808' on line 1 of '{0}', which is beyond the 64-bit integer range; keep values between -9223372036854775808 and 9223372036854775807.", "target")]
    [InlineData("{\"nums\": [1, 9223372036854775808], \"target\": 3}", "Field 'nums' holds '9223372036854775808' on line 1 of '{0}', which is beyond the 64-bit integer range; keep values between -9223372036854775808 and 9223372036854775807.", "nums")]
    [InlineData("{\"nums\": [1, 2.5], \"target\": 3}", "Field 'nums' holds '2.5' on line 1 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "nums")]
    [InlineData("{\"nums\": [1, [2]], \"target\": 3}", "Field 'nums' holds '[...]' on line 1 of '{0}', which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.", "nums")]
    [InlineData("{\"nums\": [1, null], \"target\": 3}", "Field 'nums' holds a null number on line 1 of '{0}'; every number in nums must be an integer.", "nums")]
    [InlineData("{\"nums\": \"1 2 3\", \"target\": 3}", "Field 'nums' holds '\"1 2 3\"' on line 1 of '{0}', which is not a list; write it as a list such as [95, 11, 56].", "nums")]
    [InlineData("{\"nums\": {\"a\": 1}, \"target\": 3}", "Field 'nums' holds '{{...}}' on line 1 of '{0}', which is not a list; write it as a list such as [95, 11, 56].", "nums")]
    [InlineData("{\"nums\": [], \"target\": 3}", "Field 'nums' is an empty list on line 1 of '{0}'; every record needs at least one number.", "nums")]
    [InlineData("{\"nums\": [4, -5, 6], \"target\": 3}", "Field 'nums' holds the negative number '-5' on line 1 of '{0}'; the rule reward reads digits only, so it cannot score a task with negative numbers (fix or drop the record).", "nums")]
    public async Task ReadAsync_BadRecord_ThrowsNamingLineAndField(string line, string expected, string field)
    {
        string path = _files.WriteText("bad.jsonl", line + "\n");

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal(string.Format(expected, path), error.Message);
        Assert.Equal((path, 1L, (long?)null, field), (error.SourcePath, error.LineNumber, error.RowIndex, error.Field));
    }

    [Fact]
    public async Task ReadAsync_RepeatedKey_KeepsTheLastValueAsPythonDoes()
    {
        string path = _files.WriteText("dup.jsonl", "{\"target\": 1, \"nums\": [1], \"target\": 2}\n");

        var task = Assert.Single(await ReadersTestFiles.ReadAllAsync(path));

        Assert.Equal(2, task.Target);
    }

    [Fact]
    public async Task ReadAsync_OnlyBlankLines_ThrowsHoldsNoRecords()
    {
        string path = _files.WriteText("blank.jsonl", "\n   \n\r\n");

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"'{path}' holds no records; check that it is the right file and that it is not empty.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_CancelledMidFile_StopsAtTheNextBlock()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 50_000; i++)
            text.Append("{\"nums\": [1, 2, 3], \"target\": 6}\n");
        string path = _files.WriteText("big.jsonl", text.ToString());
        using var cancellation = new CancellationTokenSource();
        int seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in TaskReader.ReadAsync(path, TaskInputFormat.Jsonl, cancellation.Token))
            {
                seen++;
                cancellation.Cancel();
            }
        });

        Assert.InRange(seen, 1, 10_000);
    }
}
