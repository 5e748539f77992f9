using System.Text;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Readers;

public sealed class JsonTaskReaderTests : IDisposable
{
    private readonly ReadersTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_Array_ReturnsElementsInOrder()
    {
        string path = _files.WriteText("tasks.json", """

            [
              {"nums": [95, 11, 56], "target": 28},
              {"target": 98, "extra": [1, 2], "nums": [44, 19, 35]},
              {"nums": [1, 2, 3, 4], "target": 10}
            ]

            """);

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(["28:95,11,56", "98:44,19,35", "10:1,2,3,4"], ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadAsync_ArrayLargerThanABlock_YieldsFirstRowEarlyAndEveryRowAcrossBlocks()
    {
        var random = new Random(9);
        var tasks = Enumerable.Range(0, 120_000).Select(i => (target: (long)i, nums: Enumerable.Range(0, random.Next(3, 5)).Select(_ => random.NextInt64(0, long.MaxValue)).ToArray())).ToArray();
        // One element far larger than a block, and pretty-printed lines, so elements and lines cross block ends.
        var huge = Enumerable.Range(0, 300_000).Select(i => (long)i).ToArray();
        var elements = tasks.Select(t => $"{{\n  \"target\": {t.target},\n  \"nums\": [{string.Join(", ", t.nums)}]\n}}").ToList();
        elements.Insert(60_000, $"{{\"target\": 1, \"nums\": [{string.Join(",", huge)}]}}");
        string path = _files.WriteText("big.json", "[\n" + string.Join(",\n", elements) + "\n]   \n");
        long length = new FileInfo(path).Length;
        await using var counting = new CountingStream(File.OpenRead(path));

        var read = new List<CountdownTask>();
        long bytesAtFirstRow = -1;
        await foreach (var task in TaskReader.ReadAsync(counting, path, TaskInputFormat.Json))
        {
            if (read.Count == 0) bytesAtFirstRow = counting.BytesRead;
            read.Add(task);
        }

        Assert.InRange(bytesAtFirstRow, 1, length / 4);
        var expected = tasks.Select(t => $"{t.target}:{string.Join(',', t.nums)}").ToList();
        expected.Insert(60_000, $"1:{string.Join(',', huge)}");
        Assert.Equal(expected, ReadersTestFiles.Flatten(read));
    }

    [Fact]
    public async Task ReadAsync_BadElementAfterManyBlocks_NamesItsLineAndIndex()
    {
        var elements = Enumerable.Range(0, 100_000).Select(i => $"{{\"target\": {i}, \"nums\": [1, 2, 3]}}").ToList();
        elements[90_000] = "{\"target\": 5, \"nums\": [1, 2,, 3]}";
        string path = _files.WriteText("bad.json", "[\n" + string.Join(",\n", elements) + "\n]");

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Contains("line 90002", error.Message);
        Assert.Contains("array element 90000", error.Message);
    }

    [Fact]
    public async Task ReadAsync_JsonLinesUnderJsonName_ReadsAsJsonLines()
    {
        // What datasets' Dataset.to_json writes by default.
        string path = _files.WriteText("tasks.json", "{\"target\":28,\"nums\":[95,11,56]}\n{\"target\":98,\"nums\":[44,19,35]}\n");

        var tasks = await ReadersTestFiles.ReadAllAsync(path);

        Assert.Equal(["28:95,11,56", "98:44,19,35"], ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadAsync_ArrayWithByteOrderMark_IsRead()
    {
        string path = _files.WriteBytes("bom.json", [0xEF, 0xBB, 0xBF, .. "[{\"nums\": [1], \"target\": 1}]"u8]);

        var task = Assert.Single(await ReadersTestFiles.ReadAllAsync(path));

        Assert.Equal(1, task.Target);
    }

    [Fact]
    public async Task ReadAsync_BadElementAfterSeveralBatches_NamesElementAndLine()
    {
        var text = new StringBuilder("[\n");
        for (int i = 0; i < 10_000; i++)
            text.Append("  {\"nums\": [1, 2, 3],\n   \"target\": ").Append(i).Append("},\n");
        text.Append("  {\"nums\": [1, -2, 3], \"target\": 6}\n]\n");
        string path = _files.WriteText("big.json", text.ToString());

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"Field 'nums' holds the negative number '-2' on array element 10000 (line 20002) of '{path}'; the rule reward reads digits only, so it cannot score a task with negative numbers (fix or drop the record).", error.Message);
        Assert.Equal((10000L, 20002L, "nums"), (error.RowIndex, error.LineNumber, error.Field));
    }

    [Fact]
    public async Task ReadAsync_SyntaxErrorAfterSeveralBatches_NamesLine()
    {
        var text = new StringBuilder("[\n");
        for (int i = 0; i < 9_000; i++)
            text.Append("{\"nums\": [1, 2, 3], \"target\": ").Append(i).Append("},\n");
        text.Append("{\"nums\": [1, 2, 3] \"target\": 6}\n]\n");
        string path = _files.WriteText("broken.json", text.ToString());

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"'{path}' is not valid JSON near line 9002 (array element 9000); fix that element or write one object per line as JSON Lines.", error.Message);
        Assert.Equal((9000L, 9002L), (error.RowIndex, error.LineNumber));
    }

    [Fact]
    public async Task ReadAsync_BrokenElementThatLooksLikeABadField_ReportsTheSyntaxError()
    {
        string path = _files.WriteText("broken.json", "[{\"nums\": [1, 2], \"target\": 3},\n {\"nums\": [1, 2, \"target\": 3}]");

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"'{path}' is not valid JSON near line 2 (array element 1); fix that element or write one object per line as JSON Lines.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_BadFieldBeforeALaterSyntaxError_ReportsTheField()
    {
        string path = _files.WriteText("two.json", "[{\"nums\": [1, 2], \"target\": 3.5},\n {\"nums\": [1, 2 \"target\": 3}]");

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.StartsWith($"Field 'target' holds '3.5' on array element 0 (line 1) of '{path}', which is not an integer", error.Message);
    }

    [Theory]
    [InlineData("[{\"nums\": [1], \"target\": 1}")]
    [InlineData("[{\"nums\": [1], \"target\": 1},]")]
    [InlineData("[{\"nums\": [1], \"target\": 1}] [1]")]
    public async Task ReadAsync_ArrayNotClosedOrFollowed_ThrowsNotValidJson(string text)
    {
        string path = _files.WriteText("bad.json", text);

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.StartsWith($"'{path}' is not valid JSON near line 1", error.Message);
    }

    [Fact]
    public async Task ReadAsync_ElementIsNotAnObject_ThrowsNamingElement()
    {
        string path = _files.WriteText("bad.json", "[{\"nums\": [1], \"target\": 1},\n [1, 2, 3]]");

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"Array element 1 (line 2) of '{path}' is not a JSON object; the array must hold objects such as {{\"nums\": [95, 11, 56], \"target\": 28}}.", error.Message);
        Assert.Equal((1L, 2L), (error.RowIndex, error.LineNumber));
    }

    [Fact]
    public async Task ReadAsync_MissingTarget_NamesElementAndField()
    {
        string path = _files.WriteText("bad.json", "[\n{\"nums\": [1], \"target\": 1},\n{\"nums\": [1]}\n]");

        var error = await ReadersTestFiles.ReadFailsAsync<TaskDataException>(path);

        Assert.Equal($"Field 'target' is missing on array element 1 (line 3) of '{path}'; every record needs an integer target.", error.Message);
        Assert.Equal((path, 1L, 3L, "target"), (error.SourcePath, error.RowIndex, error.LineNumber, error.Field));
    }

    [Fact]
    public async Task ReadAsync_EmptyArray_ThrowsHoldsNoRecords()
    {
        string path = _files.WriteText("empty.json", " [ ] ");

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"'{path}' holds no records; check that it is the right file and that it is not empty.", error.Message);
    }
}
