using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Countdown.Preprocess.Tasks;
using CsvHelper;
using CsvHelper.Configuration;

namespace Countdown.Preprocess.Readers;

/// <summary>Reads CSV or TSV with a header naming <c>target</c> and <c>nums</c> (any order; other columns ignored).</summary>
internal sealed class CsvTaskReader
{
    private const int BatchSize = 4096;
    private readonly string _sourcePath;
    private readonly NumsText _nums = new();
    private int _targetColumn;
    private int _numsColumn;

    private CsvTaskReader(string sourcePath) => _sourcePath = sourcePath;

    /// <summary>Streams the tasks of <paramref name="stream"/> in input order.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="sourcePath">The path messages name.</param>
    /// <param name="tabSeparated">True for TSV; otherwise a header line with tabs and no commas also selects tabs.</param>
    /// <param name="cancellationToken">Stops the read between batches.</param>
    public static async IAsyncEnumerable<List<CountdownTask>> ReadBatchesAsync(
        Stream stream, string sourcePath, bool tabSeparated, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var peeked = await PeekedStream.PeekAsync(stream, sourcePath, cancellationToken).ConfigureAwait(false);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = tabSeparated || LooksTabSeparated(peeked.Prefix) ? "\t" : ",",
            HasHeaderRecord = true,
            IgnoreBlankLines = true,
        };
        using var text = new StreamReader(peeked, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1024 * 1024);
        using var parser = new CsvParser(text, config);
        var reader = new CsvTaskReader(sourcePath);
        if (!await reader.NextAsync(parser).ConfigureAwait(false))
            yield break;
        reader.ReadHeader(parser);

        var batch = new List<CountdownTask>(BatchSize);
        long rowIndex = 0;
        while (await reader.NextAsync(parser).ConfigureAwait(false))
        {
            batch.Add(reader.ReadRecord(parser, rowIndex++));
            if (batch.Count == BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return batch;
                batch = new List<CountdownTask>(BatchSize);
            }
        }
        if (batch.Count > 0)
            yield return batch;
    }

    private static bool LooksTabSeparated(ReadOnlySpan<byte> prefix)
    {
        int end = prefix.IndexOf((byte)'\n');
        ReadOnlySpan<byte> header = end < 0 ? prefix : prefix[..end];
        return header.Contains((byte)'\t') && !header.Contains((byte)',');
    }

    private async Task<bool> NextAsync(CsvParser parser)
    {
        try
        {
            return await parser.ReadAsync().ConfigureAwait(false);
        }
        catch (CsvHelperException ex)
        {
            throw NotCsv(RecordLocation.Line(_sourcePath, Math.Max(1, parser.RawRow)), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw InputFiles.ReadFailed(_sourcePath, ex);
        }
    }

    private void ReadHeader(CsvParser parser)
    {
        string[] header;
        try
        {
            header = parser.Record ?? [];
        }
        catch (CsvHelperException ex)
        {
            throw NotCsv(RecordLocation.Line(_sourcePath, Math.Max(1, parser.RawRow)), ex);
        }
        _targetColumn = Array.FindIndex(header, name => name.Trim() == TaskRecordValidator.Target);
        _numsColumn = Array.FindIndex(header, name => name.Trim() == TaskRecordValidator.Nums);
        string? missing = _targetColumn < 0 ? TaskRecordValidator.Target : _numsColumn < 0 ? TaskRecordValidator.Nums : null;
        if (missing is not null)
        {
            string names = string.Join(", ", header.Select(name => $"'{MessageText.Quote(name)}'"));
            throw new InputFileException(
                $"The header of {InputFiles.Describe(_sourcePath)} has no '{missing}' column (it names {names}); the first line must name the columns target and nums.",
                _sourcePath);
        }
    }

    private CountdownTask ReadRecord(CsvParser parser, long rowIndex)
    {
        var at = RecordLocation.Line(_sourcePath, parser.RawRow, rowIndex);
        if (parser.Count <= Math.Max(_targetColumn, _numsColumn))
            throw TaskRecordValidator.Missing(at, parser.Count <= _targetColumn ? TaskRecordValidator.Target : TaskRecordValidator.Nums);
        string targetCell, numsCell;
        try
        {
            // CsvHelper reports bad quoting when a field is taken, not when the row is read.
            targetCell = parser[_targetColumn];
            numsCell = parser[_numsColumn];
        }
        catch (CsvHelperException ex)
        {
            throw NotCsv(at, ex);
        }
        ReadOnlySpan<char> target = targetCell.AsSpan().Trim();
        if (target.IsEmpty)
            throw TaskRecordValidator.Missing(at, TaskRecordValidator.Target);
        long value = IntegerText.Parse(target, at, TaskRecordValidator.Target);
        return new CountdownTask(value, _nums.Parse(numsCell, at));
    }

    private static TaskDataException NotCsv(in RecordLocation at, CsvHelperException ex)
        => TaskRecordValidator.Malformed(at, "is not valid CSV (a quote out of place?)", "quote fields that hold the delimiter and double any quote inside them", ex);
}
