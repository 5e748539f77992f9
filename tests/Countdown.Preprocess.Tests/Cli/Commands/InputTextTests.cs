using System.Text;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

/// <summary>Text input told truthfully: TSV in inspect, escaped control characters, encodings and depth named, record size capped.</summary>
public sealed class InputTextTests
{
    [Fact]
    public async Task Inspect_TsvFile_ReadsTabSeparatedColumns()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.tsv");
        await File.WriteAllTextAsync(path, "target\tnums\n62\t[66, 2, 15, 43]\n22\t[10, 2, 34]\n");

        var run = await CliRun.RunAsync("inspect", path, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("{\"target\":62,\"nums\":\"[66, 2, 15, 43]\"}\n{\"target\":22,\"nums\":\"[10, 2, 34]\"}\n", run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Inspect_SampleTsv_ShowsTheSameRowsAsTheSampleCsv()
    {
        var root = RepositoryFiles.Root;

        var tsv = await CliRun.RunAsync("inspect", Path.Combine(root, "samples", "raw", "countdown-tasks-2k.tsv"), "--json", "--rows", "5");
        var csv = await CliRun.RunAsync("inspect", Path.Combine(root, "samples", "raw", "countdown-tasks-2k.csv"), "--json", "--rows", "5");

        Assert.Equal(ExitCodes.Success, tsv.ExitCode);
        Assert.Equal(csv.Out, tsv.Out);
    }

    [Fact]
    public async Task Prepare_CellWithTerminalEscape_ShowsItEscaped()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.csv");
        await File.WriteAllTextAsync(path, "target,nums\n\u001b[2J\u001b]0;owned\u0007,\"[1, 2]\"\n");

        var run = await CliRun.RunAsync("prepare", "--input", path, "--local-dir", folder.File("out"), "--train_size", "1", "--test_size", "0");

        Assert.Equal(ExitCodes.BadRecord, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.DoesNotContain('\u0007', run.Error);
        Assert.Contains("'\\e[2J\\e]0;owned\\u0007'", run.Error);
    }

    [Fact]
    public async Task Stats_JsonStringWithEscapeInTarget_ShowsItEscaped()
    {
        using var folder = new TempDirectory();
        var path = folder.File("tasks.jsonl");
        await File.WriteAllTextAsync(path, "{\"target\": \"\\u001b[31mred\", \"nums\": [1, 2]}\n");

        var run = await CliRun.RunAsync("stats", path);

        Assert.Equal(ExitCodes.BadRecord, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.Contains("\\e[31mred", run.Error);
    }

    [Fact]
    public async Task Score_CsvCellWithTerminalEscape_ShowsItEscaped()
    {
        using var folder = new TempDirectory();
        var path = folder.File("answers.csv");
        await File.WriteAllTextAsync(path, "target,nums,response\n\u001b[31mred,\"[1, 2]\",<answer>1+2</answer>\n");

        var run = await CliRun.RunAsync("score", "--input", path);

        Assert.Equal(ExitCodes.BadRecord, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.Contains("\\e[31mred", run.Error);
    }

    public static TheoryData<string, string, byte[]> Encodings() => new()
    {
        { "stats", "UTF-16 LE", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("[{\"target\": 3, \"nums\": [1, 2]}]")] },
        { "stats", "UTF-16 BE", Encoding.BigEndianUnicode.GetBytes("[{\"target\": 3, \"nums\": [1, 2]}]") },
        { "stats", "UTF-32 LE", [0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes("[{\"target\": 3, \"nums\": [1, 2]}]")] },
        { "inspect", "UTF-16 LE", Encoding.Unicode.GetBytes("[{\"target\": 3, \"nums\": [1, 2]}]") },
        { "inspect", "UTF-32 BE", new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes("[{\"target\": 3, \"nums\": [1, 2]}]") },
        { "prepare", "UTF-16 LE", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"target\": 3, \"nums\": [1, 2]}\n")] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Command_JsonInUtf16OrUtf32_NamesTheEncoding(string command, string encoding, byte[] bytes)
    {
        using var folder = new TempDirectory();
        var path = folder.File(command == "prepare" ? "tasks.jsonl" : "tasks.json");
        await File.WriteAllBytesAsync(path, bytes);

        var run = command == "prepare"
            ? await CliRun.RunAsync("prepare", "--input", path, "--local-dir", folder.File("out"), "--train_size", "1", "--test_size", "0")
            : await CliRun.RunAsync(command, path);

        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        Assert.Contains($"is {encoding} text", run.Error);
        Assert.Contains("UTF-8", run.Error);
    }

    [Theory]
    [InlineData("stats", "tasks.jsonl")]
    [InlineData("stats", "tasks.json")]
    [InlineData("inspect", "tasks.jsonl")]
    [InlineData("inspect", "tasks.json")]
    public async Task Command_JsonNestedTooDeep_SaysItIsTooDeep(string command, string name)
    {
        using var folder = new TempDirectory();
        var path = folder.File(name);
        var record = "{\"target\": 3, \"nums\": [1, 2], \"x\": " + new string('[', 100) + new string(']', 100) + "}";
        await File.WriteAllTextAsync(path, name.EndsWith(".json", StringComparison.Ordinal) ? $"[{record}]" : record + "\n");

        var run = await CliRun.RunAsync(command, path);

        Assert.Contains("nested deeper than 64 levels", run.Error);
        Assert.DoesNotContain("LineNumber:", run.Error);
    }

    [Theory]
    [InlineData("tasks.jsonl")]
    [InlineData("tasks.json")]
    public async Task Inspect_RecordWithTooManyKeys_ExitsInputUnreadableNamingTheLimit(string name)
    {
        using var folder = new TempDirectory();
        var path = folder.File(name);
        var keys = string.Join(", ", Enumerable.Range(0, JsonTableFile.MaxMembersPerRecord + 1).Select(i => $"\"k{i}\": {i}"));
        var record = "{" + keys + "}";
        await File.WriteAllTextAsync(path, name.EndsWith(".json", StringComparison.Ordinal) ? $"[{record}]" : record + "\n");

        var run = await CliRun.RunAsync("inspect", path);

        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"more than {JsonTableFile.MaxMembersPerRecord:N0} keys"), run.Error);
    }
}
