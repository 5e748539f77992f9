using System.Runtime.CompilerServices;
using System.Text.Json;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Readers;

/// <summary>Reads a <c>.json</c> input: a JSON array of task objects, or JSON Lines (what <c>datasets</c>' <c>to_json</c> writes).</summary>
/// <remarks>An array is read into memory whole and parsed in batches; JSON Lines stream through <see cref="JsonlTaskReader"/>.</remarks>
internal sealed class JsonTaskReader
{
    private const int BatchSize = 4096;
    private readonly string _sourcePath;
    private readonly byte[] _document;
    private readonly JsonRecordParser _parser = new();
    private JsonReaderState _state;
    private int _offset;
    private bool _started;
    private long _index;
    private long _lineNumber = 1;
    private int _lineCountedTo;
    private int _elementStart;
    private long _elementLine;

    private JsonTaskReader(string sourcePath, byte[] document)
    {
        _sourcePath = sourcePath;
        _document = document;
        _offset = _lineCountedTo = document.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
    }

    private bool Done { get; set; }

    /// <summary>Streams the tasks of <paramref name="stream"/> in input order; '[' as the first non-blank character means an array.</summary>
    public static async IAsyncEnumerable<List<CountdownTask>> ReadBatchesAsync(
        Stream stream, string sourcePath, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var peeked = await PeekedStream.PeekAsync(stream, sourcePath, cancellationToken).ConfigureAwait(false);
        if (PeekedStream.FirstContentByte(peeked.Prefix) != (byte)'[')
        {
            await foreach (var lines in JsonlTaskReader.ReadBatchesAsync(peeked, sourcePath, cancellationToken).ConfigureAwait(false))
                yield return lines;
            yield break;
        }
        var reader = new JsonTaskReader(sourcePath, await InputFiles.ReadAllAsync(peeked, sourcePath, cancellationToken).ConfigureAwait(false));
        while (!reader.Done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = reader.ReadBatch();
            if (batch.Count > 0)
                yield return batch;
        }
    }

    private List<CountdownTask> ReadBatch()
    {
        var batch = new List<CountdownTask>(BatchSize);
        var reader = new Utf8JsonReader(_document.AsSpan(_offset), isFinalBlock: true, _state);
        try
        {
            if (!_started)
            {
                reader.Read(); // the '[' the caller saw
                _started = true;
            }
            while (batch.Count < BatchSize)
            {
                if (!reader.Read())
                    throw new JsonException("The array is not closed.", null, LineAt(_document.Length) - 1, null);
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    reader.Read(); // throws when anything but white space follows the array
                    Done = true;
                    break;
                }
                _elementStart = _offset + (int)reader.TokenStartIndex;
                _elementLine = LineAt(_elementStart);
                var at = RecordLocation.ArrayElement(_sourcePath, _index, _elementLine);
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw TaskRecordValidator.Malformed(at, "is not a JSON object", "the array must hold objects such as {\"nums\": [95, 11, 56], \"target\": 28}");
                batch.Add(_parser.ReadObject(ref reader, at));
                _index++;
            }
        }
        catch (TaskDataException) when (ElementSyntaxError() is { } syntax)
        {
            // A broken element can look like a bad field before the reader reaches the break: report the break.
            throw NotValidJson(_elementLine + (syntax.LineNumber ?? 0), syntax);
        }
        catch (JsonException ex)
        {
            // The reader state carries the line count across batches, so the line is counted from the document start.
            throw NotValidJson((ex.LineNumber ?? 0) + 1, ex);
        }
        _state = reader.CurrentState;
        _offset += (int)reader.BytesConsumed;
        return batch;
    }

    /// <summary>The syntax error inside the element being read, or null when the element is well-formed JSON.</summary>
    private JsonException? ElementSyntaxError()
    {
        var element = new Utf8JsonReader(_document.AsSpan(_elementStart));
        try
        {
            element.Read();
            element.Skip();
            return null;
        }
        catch (JsonException ex)
        {
            return ex;
        }
    }

    private CountdownException NotValidJson(long line, JsonException ex)
    {
        if (JsonInputText.NonUtf8Encoding(_document) is { } encoding)
            return new InputFileException($"{InputFiles.DescribeAtStart(_sourcePath)} {JsonInputText.NotUtf8Sentence(encoding)}.", _sourcePath, ex);
        if (JsonInputText.IsTooDeep(ex))
            return new TaskDataException($"Array element {_index} of {InputFiles.Describe(_sourcePath)} {JsonInputText.TooDeepClause}; flatten that element.", _sourcePath, line, _index, null, ex);
        return new TaskDataException(
            $"{InputFiles.DescribeAtStart(_sourcePath)} is not valid JSON near line {line} (array element {_index}); fix that element or write one object per line as JSON Lines.",
            _sourcePath, line, _index, null, ex);
    }

    /// <summary>The 1-based line of byte <paramref name="position"/>; positions only move forward, so counting is incremental.</summary>
    private long LineAt(int position)
    {
        _lineNumber += _document.AsSpan(_lineCountedTo, position - _lineCountedTo).Count((byte)'\n');
        _lineCountedTo = position;
        return _lineNumber;
    }
}
