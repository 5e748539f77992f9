using System.Runtime.CompilerServices;
using System.Text.Json;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Readers;

/// <summary>Reads a <c>.json</c> input: a JSON array of task objects, or JSON Lines (what <c>datasets</c>' <c>to_json</c> writes).</summary>
/// <remarks>
/// An array is read in blocks of 1 MB (more only for an element larger than that) and parsed in batches; an element is
/// parsed only once all of it is in the block, so memory stays flat whatever the file's size. JSON Lines stream through
/// <see cref="JsonlTaskReader"/>.
/// </remarks>
internal sealed class JsonTaskReader
{
    private const int BatchSize = 4096;
    private const int BlockSize = 1024 * 1024;
    private readonly string _sourcePath;
    private readonly Stream _stream;
    private byte[] _document = new byte[BlockSize];
    private int _length;
    private bool _final;
    private readonly JsonRecordParser _parser = new();
    private JsonReaderState _state;
    private int _offset;
    private bool _started;
    private long _index;
    private long _lineNumber = 1;
    private int _lineCountedTo;
    private int _elementStart;
    private long _elementLine;

    private JsonTaskReader(string sourcePath, Stream stream)
    {
        _sourcePath = sourcePath;
        _stream = stream;
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
        var reader = new JsonTaskReader(sourcePath, peeked);
        await reader.FillAsync(cancellationToken).ConfigureAwait(false);
        reader._offset = reader._lineCountedTo = reader._document.AsSpan(0, reader._length).StartsWith("\uFEFF"u8) ? 3 : 0;
        while (!reader.Done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = reader.ReadBatch();
            if (batch.Count > 0)
                yield return batch;
            if (!reader.Done)
                await reader.FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Moves the unparsed bytes to the front of the block and reads on until it is full or the input ends; grows the block when it is full of one unfinished element.</summary>
    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_final)
            return;
        LineAt(_offset);
        int kept = _length - _offset;
        if (kept == _document.Length)
            Array.Resize(ref _document, checked(_document.Length * 2));
        else if (_offset > 0)
            _document.AsSpan(_offset, kept).CopyTo(_document);
        _length = kept;
        _lineCountedTo -= _offset;
        _offset = 0;
        while (_length < _document.Length)
        {
            int read = await InputFiles.ReadAsync(_stream, _document.AsMemory(_length), _sourcePath, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _final = true;
                break;
            }
            _length += read;
        }
    }

    private List<CountdownTask> ReadBatch()
    {
        var batch = new List<CountdownTask>(BatchSize);
        var reader = new Utf8JsonReader(_document.AsSpan(_offset, _length - _offset), isFinalBlock: _final, _state);
        try
        {
            if (!_started)
            {
                reader.Read(); // the '[' the caller saw
                _started = true;
            }
            while (batch.Count < BatchSize)
            {
                // Before the block ends, parse only an element that is whole in it (and the end of the array only with all that follows).
                var probe = reader;
                if (!_final && !(probe.Read() && probe.TokenType != JsonTokenType.EndArray && probe.TrySkip()))
                    break;
                if (!reader.Read())
                    throw new JsonException("The array is not closed.", null, LineAt(_length) - 1, null);
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
        var element = new Utf8JsonReader(_document.AsSpan(_elementStart, _length - _elementStart));
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
