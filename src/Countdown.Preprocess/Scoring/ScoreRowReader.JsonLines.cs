using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Scoring;

public static partial class ScoreRowReader
{
    private const int BlockSize = 1 << 20;

    /// <summary>JSON Lines, read in 1 MB blocks; each line is parsed with <see cref="Utf8JsonReader"/> when it has the flat
    /// layout, and through <see cref="JsonDocument"/> otherwise (nested ground truth, and every error message).</summary>
    private static async IAsyncEnumerable<ScoreRow> ReadJsonLinesAsync(Stream input, string path,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            var filled = 0;
            var start = 0;
            var atEnd = false;
            long line = 0;
            long index = 0;
            var firstLine = true;
            while (true)
            {
                var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                if (newline < 0 && !atEnd)
                {
                    // Move the partial line to the front, grow for long lines, and read more.
                    if (start > 0)
                    {
                        buffer.AsSpan(start, filled - start).CopyTo(buffer);
                        filled -= start;
                        start = 0;
                    }
                    if (filled == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var read = await ReadBlockAsync(input, buffer.AsMemory(filled), path, cancellationToken);
                    if (read == 0) atEnd = true;
                    filled += read;
                    continue;
                }
                var length = newline < 0 ? filled - start : newline;
                if (length == 0 && newline < 0) break;
                line++;
                var text = buffer.AsSpan(start, length);
                start += newline < 0 ? length : length + 1;
                if (firstLine && text.StartsWith("\uFEFF"u8)) text = text[3..];
                firstLine = false;
                if (text.Length > 0 && text[^1] == (byte)'\r') text = text[..^1];
                if (text.Trim(" \t"u8).IsEmpty) continue;
                var at = new RowLocation(path, line, null);
                yield return TryReadFlat(text, index, out var row) ? row! : ReadLine(text, index, at);
                index++;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The fast path: <c>{"target": int, "nums": [int, ...], "response" or "solution_str": string, ...}</c>.</summary>
    private static bool TryReadFlat(ReadOnlySpan<byte> text, long index, out ScoreRow? row)
    {
        row = null;
        try
        {
            var reader = new Utf8JsonReader(text);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            long? target = null;
            long[]? numbers = null;
            string? response = null;
            string? solution = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("target"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value) || target is not null) return false;
                    target = value;
                }
                else if (reader.ValueTextEquals("nums"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || numbers is not null) return false;
                    var list = new List<long>(4);
                    while (reader.Read() && reader.TokenType == JsonTokenType.Number)
                    {
                        if (!reader.TryGetInt64(out var value)) return false;
                        list.Add(value);
                    }
                    if (reader.TokenType != JsonTokenType.EndArray) return false;
                    numbers = list.ToArray();
                }
                else if (reader.ValueTextEquals("response"u8) || reader.ValueTextEquals("solution_str"u8))
                {
                    var isResponse = reader.ValueTextEquals("response"u8);
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String || (isResponse ? response : solution) is not null) return false;
                    if (isResponse) response = reader.GetString();
                    else solution = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return false;
            if (target is null || numbers is null || (response ?? solution) is null) return false;
            row = new ScoreRow(index, target.Value, numbers, (response ?? solution)!);
            return true;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Anything unusual (invalid UTF-8 in a string included) takes the slow path, which says what is wrong.
            return false;
        }
    }

    private static ScoreRow ReadLine(ReadOnlySpan<byte> text, long index, RowLocation at)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(text);
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read()) throw new JsonException("there is more than one JSON value on the line");
        }
        catch (JsonException error)
        {
            throw new TaskDataException($"Line {at.LineNumber} of {Describe(at.SourcePath)} is not valid JSON ({ScoreRowReader.Clause(error.Message)}); write one JSON object per line.",
                at.SourcePath, lineNumber: at.LineNumber, rowIndex: index, inner: error);
        }
        using (document) return FromJson(document.RootElement, index, at);
    }

    private static async Task<int> ReadBlockAsync(Stream input, Memory<byte> buffer, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await input.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException error)
        {
            throw new InputFileException($"{Capitalized(path)} cannot be read ({ScoreRowReader.Clause(error.Message)}); check the file and try again.", path, error);
        }
    }
}
