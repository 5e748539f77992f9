using System.Runtime.CompilerServices;
using System.Text.Json;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Readers;

/// <summary>Reads JSON Lines: one task object per line, blank lines skipped, in blocks of 1 MB (fewer thread-pool hops per file).</summary>
internal sealed class JsonlTaskReader
{
    private const int BlockSize = 1024 * 1024;
    private readonly string _sourcePath;
    private readonly JsonRecordParser _parser = new();
    private long _lineNumber;

    private JsonlTaskReader(string sourcePath) => _sourcePath = sourcePath;

    /// <summary>Streams the tasks of <paramref name="stream"/> in input order, one batch per block read.</summary>
    public static async IAsyncEnumerable<List<CountdownTask>> ReadBatchesAsync(
        Stream stream, string sourcePath, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new JsonlTaskReader(sourcePath);
        var buffer = new byte[BlockSize];
        int start = 0, end = 0;
        bool first = true, atEnd = false;
        while (!atEnd)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
            int read = await InputFiles.ReadAsync(stream, buffer.AsMemory(end), sourcePath, cancellationToken).ConfigureAwait(false);
            atEnd = read == 0;
            end += read;
            if (first && (end >= 3 || atEnd))
            {
                first = false;
                if (buffer.AsSpan(0, end).StartsWith("\uFEFF"u8))
                    start = 3;
            }
            var batch = new List<CountdownTask>();
            start += reader.ParseLines(buffer.AsSpan(start, end - start), atEnd, batch);
            if (batch.Count > 0)
                yield return batch;
        }
    }

    /// <summary>Parses every complete line of <paramref name="data"/> (and the unterminated last one at the end); returns the bytes used.</summary>
    private int ParseLines(ReadOnlySpan<byte> data, bool atEnd, List<CountdownTask> batch)
    {
        int used = 0;
        while (true)
        {
            int newline = data[used..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (atEnd && used < data.Length)
                {
                    ParseLine(data[used..], batch);
                    used = data.Length;
                }
                return used;
            }
            ParseLine(data.Slice(used, newline), batch);
            used += newline + 1;
        }
    }

    private void ParseLine(ReadOnlySpan<byte> line, List<CountdownTask> batch)
    {
        _lineNumber++;
        int indent = line.Length - line.TrimStart(" \t"u8).Length;
        line = line.Trim(" \t\r"u8);
        if (line.IsEmpty)
            return;
        var at = RecordLocation.Line(_sourcePath, _lineNumber);
        try
        {
            var reader = new Utf8JsonReader(line);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
                throw TaskRecordValidator.Malformed(at, "is not a JSON object", "every line must be an object such as {\"nums\": [95, 11, 56], \"target\": 28}");
            batch.Add(_parser.ReadObject(ref reader, at));
            reader.Read(); // throws when anything but white space follows the object
        }
        catch (TaskDataException) when (JsonSyntax.FindError(line) is { } syntax)
        {
            // A broken line can look like a bad field before the reader reaches the break: report the break.
            throw Malformed(at, indent, syntax, line);
        }
        catch (JsonException ex)
        {
            throw Malformed(at, indent, ex, line);
        }
    }

    private Exception Malformed(in RecordLocation at, int indent, JsonException ex, ReadOnlySpan<byte> line)
    {
        if (_lineNumber == 1 && JsonInputText.NonUtf8Encoding(line) is { } encoding)
            return new InputFileException($"{InputFiles.DescribeAtStart(_sourcePath)} {JsonInputText.NotUtf8Sentence(encoding)}.", _sourcePath, ex);
        if (JsonInputText.IsTooDeep(ex))
            return TaskRecordValidator.Malformed(at, JsonInputText.TooDeepClause, "flatten that record", ex);
        return TaskRecordValidator.Malformed(at, $"is not valid JSON (at byte {indent + (ex.BytePositionInLine ?? 0) + 1})", "fix or remove that line", ex);
    }
}
