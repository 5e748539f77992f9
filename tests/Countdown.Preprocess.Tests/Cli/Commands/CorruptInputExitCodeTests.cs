using System.Buffers.Binary;
using Countdown.Preprocess.Cli;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Cli.Commands;

/// <summary>Corrupt input never escapes as an unhandled exception: one line naming the file, the documented exit code.</summary>
public sealed class CorruptInputExitCodeTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "inspect", "validate", "score" })
            foreach (var damage in new[] { "huge-footer-length", "negative-footer-length", "garbage-footer", "zeroed-footer", "footer-length-zero" })
                data.Add(command, damage);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Command_CorruptParquet_ExitsWithDocumentedCodeAndOneLine(string command, string damage)
    {
        using var folder = new TempDirectory();
        var path = folder.File("data.parquet");
        ScoringParquetFiles.WriteFlat(path, [(24, [2, 3, 4], "<answer>2*3*4</answer>"), (10, [1, 2, 7], "<answer>1+2+7</answer>")]);
        var bytes = File.ReadAllBytes(path);
        Damage(bytes, damage);
        File.WriteAllBytes(path, bytes);

        var run = command == "score" ? await CliRun.RunAsync("score", "--input", path) : await CliRun.RunAsync(command, path);

        if (command == "validate")
        {
            // validate reports an unreadable file as a failed check of that file, and goes on with the others.
            Assert.Equal(ExitCodes.ValidationFailed, run.ExitCode);
            Assert.Contains($"error [file] '{path}' is not a readable Parquet file (", run.Out);
            Assert.DoesNotContain("   at ", run.Out + run.Error);
            return;
        }
        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        AssertOneLine(run.Error, path);
    }

    [Fact]
    public async Task Commands_OneByteFooterOfAnyValue_EndQuicklyWithInputUnreadable()
    {
        // The fuzzer found a one-byte footer that sent Parquet.Net's Thrift reader into an endless loop.
        using var folder = new TempDirectory();
        var seed = folder.File("seed.parquet");
        ScoringParquetFiles.WriteFlat(seed, [(24, [2, 3, 4], "<answer>2*3*4</answer>")]);
        var bytes = File.ReadAllBytes(seed);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), 1);
        var path = folder.File("data.parquet");
        var all = Task.Run(async () =>
        {
            for (var value = 0; value < 256; value++)
            {
                bytes[^9] = (byte)value;
                File.WriteAllBytes(path, bytes);
                foreach (var args in new[] { new[] { "inspect", path }, ["stats", path], ["score", "--input", path] })
                {
                    var run = await CliRun.RunAsync(args);
                    Assert.True(run.ExitCode == ExitCodes.InputUnreadable, $"{args[0]} with footer byte {value}: exit {run.ExitCode} {run.Error}");
                }
            }
        });

        await all.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Inspect_InvalidUtf8Json_ExitsInputUnreadableWithOneLine()
    {
        using var folder = new TempDirectory();
        var path = folder.File("bad.jsonl");
        File.WriteAllBytes(path, [.. "{\"target\": 1, \"nums\": [1], \"x\": \""u8, 0xC3, 0x28, 0xFF, .. "\"}\n"u8]);

        var run = await CliRun.RunAsync("inspect", path);

        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        AssertOneLine(run.Error, path);
        Assert.Contains("UTF-8", run.Error);
    }

    [Fact]
    public async Task Inspect_InvalidUtf8JsonArray_ExitsInputUnreadableWithOneLine()
    {
        using var folder = new TempDirectory();
        var path = folder.File("bad.json");
        File.WriteAllBytes(path, [.. "[{\"target\": 1, \"x\": \""u8, 0xC3, 0x28, 0xFF, .. "\"}]"u8]);

        var run = await CliRun.RunAsync("inspect", path);

        Assert.Equal(ExitCodes.InputUnreadable, run.ExitCode);
        AssertOneLine(run.Error, path);
    }

    [Theory]
    [InlineData("answers.jsonl")]
    [InlineData("answers.json")]
    public async Task Score_InvalidUtf8InResponse_ExitsBadRecordWithOneLine(string name)
    {
        using var folder = new TempDirectory();
        var path = folder.File(name);
        byte[] row = [.. "{\"target\": 3, \"nums\": [1, 2], \"response\": \"<answer>1+2</answer> "u8, 0xC3, 0x28, .. "\"}"u8];
        File.WriteAllBytes(path, name.EndsWith(".json", StringComparison.Ordinal) ? [(byte)'[', .. row, (byte)']'] : [.. row, (byte)'\n']);

        var run = await CliRun.RunAsync("score", "--input", path);

        Assert.Equal(ExitCodes.BadRecord, run.ExitCode);
        AssertOneLine(run.Error, path);
        Assert.Contains("not valid UTF-8", run.Error);
    }

    internal static void AssertOneLine(string error, string path)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line on stderr, got:\n" + error);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(path, lines[0]);
        Assert.DoesNotContain("   at ", error);
    }

    private static void Damage(byte[] bytes, string damage)
    {
        var lengthAt = bytes.Length - 8;
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(lengthAt));
        var footerStart = lengthAt - footerLength;
        switch (damage)
        {
            case "huge-footer-length":
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(lengthAt), int.MaxValue - 16);
                break;
            case "negative-footer-length":
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(lengthAt), -5);
                break;
            case "footer-length-zero":
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(lengthAt), 0);
                break;
            case "garbage-footer":
                var random = new Random(13);
                for (var i = footerStart + 8; i < lengthAt; i += 3) bytes[i] = (byte)random.Next(256);
                break;
            case "zeroed-footer":
                Array.Fill(bytes, (byte)0xFF, footerStart, footerLength / 2);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage));
        }
    }
}
