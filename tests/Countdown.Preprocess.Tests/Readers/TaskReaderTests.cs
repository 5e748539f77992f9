using System.Text;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Readers;

public sealed class TaskReaderTests : IDisposable
{
    private readonly ReadersTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("data/train.parquet", TaskInputFormat.Parquet)]
    [InlineData("x.PQ", TaskInputFormat.Parquet)]
    [InlineData("x.jsonl", TaskInputFormat.Jsonl)]
    [InlineData("x.ndjson", TaskInputFormat.Jsonl)]
    [InlineData("x.json", TaskInputFormat.Json)]
    [InlineData("x.csv", TaskInputFormat.Csv)]
    [InlineData("x.tsv", TaskInputFormat.Csv)]
    [InlineData("-", TaskInputFormat.Auto)]
    public void ResolveFormat_Auto_UsesExtension(string path, TaskInputFormat expected)
        => Assert.Equal(expected, TaskReader.ResolveFormat(path, TaskInputFormat.Auto));

    [Theory]
    [InlineData("x.txt", TaskInputFormat.Jsonl)]
    [InlineData("x.parquet", TaskInputFormat.Csv)]
    [InlineData("-", TaskInputFormat.Parquet)]
    public void ResolveFormat_Requested_WinsOverExtension(string path, TaskInputFormat requested)
        => Assert.Equal(requested, TaskReader.ResolveFormat(path, requested));

    [Fact]
    public void ResolveFormat_UnknownExtension_ThrowsListingChoices()
    {
        var error = Assert.Throws<UsageException>(() => TaskReader.ResolveFormat("tasks.txt", TaskInputFormat.Auto));

        Assert.Equal("Cannot tell the format of 'tasks.txt' from its extension '.txt'; pass --input-format with one of: parquet, jsonl, json, csv.", error.Message);
    }

    [Fact]
    public void ResolveFormat_NoExtension_ThrowsListingChoices()
    {
        var error = Assert.Throws<UsageException>(() => TaskReader.ResolveFormat("tasks", TaskInputFormat.Auto));

        Assert.Equal("Cannot tell the format of 'tasks', which has no extension; pass --input-format with one of: parquet, jsonl, json, csv.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_RequestedFormat_OverridesExtension()
    {
        string path = _files.WriteText("tasks.txt", "{\"nums\": [1, 2], \"target\": 3}\n");

        var task = Assert.Single(await ReadersTestFiles.ReadAllAsync(path, TaskInputFormat.Jsonl));

        Assert.Equal(3, task.Target);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsInputFileException()
    {
        string path = _files.PathOf("nope.jsonl");

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"Input file '{path}' does not exist; check the path.", error.Message);
        Assert.Equal(path, error.SourcePath);
    }

    [Fact]
    public async Task ReadAsync_MissingDirectory_ThrowsInputFileException()
    {
        string path = _files.PathOf(Path.Combine("no-such-dir", "tasks.parquet"));

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"Input file '{path}' does not exist; check the path.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_Directory_ThrowsInputFileException()
    {
        string path = _files.PathOf("folder.jsonl");
        Directory.CreateDirectory(path);

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path);

        Assert.Equal($"Input '{path}' is a directory, not a file; pass the path of a .parquet, .jsonl, .json or .csv task file.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_NoReadPermission_ThrowsInputFileException()
    {
        if (!OperatingSystem.IsLinux())
            return; // Unix permissions; Windows ACLs would need another fixture.
        string path = _files.WriteText("secret.jsonl", "{\"nums\": [1], \"target\": 1}\n");
        File.SetUnixFileMode(path, UnixFileMode.None);
        if (CanOpen(path))
            path = "/proc/sys/vm/drop_caches"; // root ignores file modes, but not this write-only kernel file's

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path, TaskInputFormat.Jsonl);

        Assert.Equal($"Input file '{path}' cannot be read (permission denied); check its permissions.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_ReadFailsAfterOpening_ThrowsInputFileException()
    {
        if (!OperatingSystem.IsLinux())
            return;
        const string path = "/proc/self/mem"; // opens, but reading address 0 fails with an I/O error

        var error = await ReadersTestFiles.ReadFailsAsync<InputFileException>(path, TaskInputFormat.Jsonl);

        Assert.StartsWith($"'{path}' cannot be read (", error.Message);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }

    [Theory]
    [InlineData("{\"nums\": [1, 2], \"target\": 3}\n{\"nums\": [4], \"target\": 4}\n")]
    [InlineData("\n  [{\"nums\": [1, 2], \"target\": 3}, {\"nums\": [4], \"target\": 4}]")]
    [InlineData("target,nums\n3,\"[1, 2]\"\n4,[4]\n")]
    [InlineData("nums\ttarget\n[1, 2]\t3\n[4]\t4\n")]
    public async Task ReadAsync_StandardInputAuto_SniffsTheFormat(string text)
    {
        using var stdin = new NonSeekableStream(Encoding.UTF8.GetBytes(text));

        var tasks = await ReadersTestFiles.ReadStreamAsync(stdin);

        Assert.Equal(["3:1,2", "4:4"], ReadersTestFiles.Flatten(tasks));
    }

    [Fact]
    public async Task ReadAsync_EmptyStandardInput_ThrowsHoldsNoRecords()
    {
        using var stdin = new NonSeekableStream([]);

        var error = await Assert.ThrowsAsync<InputFileException>(() => ReadersTestFiles.ReadStreamAsync(stdin));

        Assert.Equal("Standard input holds no records; check that it is the right file and that it is not empty.", error.Message);
        Assert.Equal("-", error.SourcePath);
    }

    [Fact]
    public async Task ReadAsync_BadRecordOnStandardInput_NamesStandardInput()
    {
        using var stdin = new NonSeekableStream(Encoding.UTF8.GetBytes("{\"nums\": [1], \"target\": 1}\n{\"nums\": [1]}\n"));

        var error = await Assert.ThrowsAsync<TaskDataException>(() => ReadersTestFiles.ReadStreamAsync(stdin));

        Assert.Equal("Field 'target' is missing on line 2 of standard input; every record needs an integer target.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_SameTasksInEveryFormat_ReadAlike()
    {
        (long target, long[] nums)[] rows = [(28, [95, 11, 56]), (98, [44, 19, 35]), (20, [21, 6, 2, 29])];
        string parquet = _files.PathOf("t.parquet");
        PyarrowLayoutFiles.WriteRawTasks(parquet, rows);
        string jsonl = _files.WriteText("t.jsonl", string.Concat(rows.Select(r => $"{{\"nums\": [{string.Join(", ", r.nums)}], \"target\": {r.target}}}\n")));
        string json = _files.WriteText("t.json", "[" + string.Join(",", rows.Select(r => $"{{\"target\":{r.target},\"nums\":[{string.Join(",", r.nums)}]}}")) + "]");
        string csv = _files.WriteText("t.csv", "target,nums\n" + string.Concat(rows.Select(r => $"{r.target},\"[{string.Join(", ", r.nums)}]\"\n")));
        string[] expected = ["28:95,11,56", "98:44,19,35", "20:21,6,2,29"];

        foreach (string path in new[] { parquet, jsonl, json, csv })
            Assert.Equal(expected, ReadersTestFiles.Flatten(await ReadersTestFiles.ReadAllAsync(path)));
    }

    private static bool CanOpen(string path)
    {
        try
        {
            File.OpenRead(path).Dispose();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
