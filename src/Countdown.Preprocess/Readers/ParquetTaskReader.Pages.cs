using System.Runtime.CompilerServices;
using Countdown.Preprocess.Readers.ParquetPages;
using Countdown.Preprocess.Tasks;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace Countdown.Preprocess.Readers;

/// <summary>The page-by-page path: a row group's two columns walked in step, a batch at a time, holding a page of each.</summary>
/// <remarks>
/// Parquet.Net 6.1 decodes a whole column chunk at once, so a file written as one row group of N tasks would hold all N
/// (about 100 bytes a task). <see cref="ColumnPageCursor"/> decodes only the pages a batch needs. Row groups it cannot
/// read (see <see cref="ColumnPageCursor.CanRead"/>: LZ4, Brotli or LZO pages, DELTA or BYTE_STREAM_SPLIT values, the
/// deprecated BIT_PACKED levels) take the whole-chunk path in <c>ParquetTaskReader.RowGroup.cs</c>. Errors carry the
/// same messages as that path; a corrupt row group may now fail after its earlier batches were handed on.
/// </remarks>
internal sealed partial class ParquetTaskReader : IDisposable
{
    private ColumnPageCursor? _targetPages, _numsPages;

    /// <summary>Whether the page path reads both columns of <paramref name="rowGroup"/>.</summary>
    private bool CanReadPages(ParquetRowGroupReader rowGroup)
    {
        ColumnMetaData? target = rowGroup.GetMetadata(_columns.Target)?.MetaData;
        ColumnMetaData? nums = rowGroup.GetMetadata(_columns.NumsElement)?.MetaData;
        return rowGroup.RowCount is >= 0 and <= int.MaxValue
            && target is { NumValues: >= 0 and <= int.MaxValue } && ColumnPageCursor.CanRead(target, IsInt32(_columns.Target))
            && nums is { NumValues: >= 0 and <= int.MaxValue } && ColumnPageCursor.CanRead(nums, IsInt32(_columns.NumsElement));
    }

    /// <summary>Streams the tasks of one row group in batches of <see cref="BatchRows"/>.</summary>
    private async IAsyncEnumerable<List<CountdownTask>> ReadPagesAsync(
        Stream file, ParquetRowGroupReader rowGroup, int group, long firstRow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int rows = (int)rowGroup.RowCount;
        StartPages(file, rowGroup, group, rows);
        for (int start = 0; start < rows; start += BatchRows)
        {
            if (start > 0) cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(BatchRows, rows - start);
            await DecodeTargetBatchAsync(group, start, count, rows, cancellationToken).ConfigureAwait(false);
            await DecodeNumsBatchAsync(group, start, count, rows, cancellationToken).ConfigureAwait(false);
            yield return TakeTasks(0, count, firstRow + start);
        }
        if (await HasMoreAsync(_numsPages!, _columns.NumsElement, group, cancellationToken).ConfigureAwait(false))
            throw Corrupt(group, $"column 'nums' holds more lists than the {rows} rows");
        if (await HasMoreAsync(_targetPages!, _columns.Target, group, cancellationToken).ConfigureAwait(false))
            throw Corrupt(group, $"column 'target' holds more values than the {rows} rows");
    }

    private void StartPages(Stream file, ParquetRowGroupReader rowGroup, int group, int rows)
    {
        ColumnMetaData target = rowGroup.GetMetadata(_columns.Target)!.MetaData!;
        ColumnMetaData nums = rowGroup.GetMetadata(_columns.NumsElement)!.MetaData!;
        if (target.NumValues != rows)
            throw Corrupt(group, $"column 'target' holds {target.NumValues} values for {rows} rows");
        _targetPages ??= new ColumnPageCursor(file, 0, _columns.Target.MaxDefinitionLevel, IsInt32(_columns.Target));
        _numsPages ??= new ColumnPageCursor(
            file, _columns.NumsElement.MaxRepetitionLevel, _columns.NumsElement.MaxDefinitionLevel, IsInt32(_columns.NumsElement));
        long length = LengthOf(file);
        Guard(_columns.Target, group, () => _targetPages.Start(target, length));
        Guard(_columns.NumsElement, group, () => _numsPages.Start(nums, length));
    }

    /// <summary>Moves the batch's targets into <c>_targets</c>[0..<paramref name="count"/>) and notes its first null target.</summary>
    private async ValueTask DecodeTargetBatchAsync(int group, int start, int count, int rows, CancellationToken cancellationToken)
    {
        Grow(ref _targets, count);
        _nullTargetRow = -1;
        ColumnPageCursor pages = _targetPages!;
        int defined = _columns.Target.MaxDefinitionLevel;
        for (int row = 0; row < count;)
        {
            if (pages.Position == pages.Count && !await FillAsync(pages, _columns.Target, group, cancellationToken).ConfigureAwait(false))
                throw Corrupt(group, $"column 'target' holds {start + row} values for {rows} rows");
            int take = Math.Min(count - row, pages.Count - pages.Position);
            int[] definition = pages.Definition;
            long[] values = pages.Values, targets = _targets;
            int level = pages.Position, value = pages.ValuePosition;
            for (int end = row + take; row < end; row++, level++)
            {
                if (definition[level] == defined)
                    targets[row] = values[value++];
                else if (_nullTargetRow < 0)
                    _nullTargetRow = row;
            }
            pages.Position = level;
            pages.ValuePosition = value;
        }
    }

    /// <summary>Moves the batch's lists into <c>_values</c> with row starts in <c>_rowStarts</c>, stopping at the first null list or element.</summary>
    private async ValueTask DecodeNumsBatchAsync(int group, int start, int count, int rows, CancellationToken cancellationToken)
    {
        Grow(ref _rowStarts, count + 1);
        (_badNumsRow, _nullList) = (-1, false);
        ColumnPageCursor pages = _numsPages!;
        int defined = _columns.NumsElement.MaxDefinitionLevel, nullElement = _columns.NullElementLevel, emptyList = _columns.EmptyListLevel;
        int row = -1, value = 0;
        while (pages.Position < pages.Count || await FillAsync(pages, _columns.NumsElement, group, cancellationToken).ConfigureAwait(false))
        {
            int level = pages.Position, end = pages.Count, next = pages.ValuePosition;
            if (_values.Length < value + end - level)
                Array.Resize(ref _values, Math.Max(value + end - level, 2 * _values.Length));
            int[] repetition = pages.Repetition, definition = pages.Definition;
            long[] values = pages.Values, numbers = _values;
            int[] rowStarts = _rowStarts;
            bool done = false;
            for (; level < end; level++)
            {
                if (repetition[level] == 0)
                {
                    if (row + 1 == count)
                    {
                        done = true; // the next batch's first row
                        break;
                    }
                    rowStarts[++row] = value;
                }
                else if (row < 0)
                {
                    throw Corrupt(group, "column 'nums' does not start with a new row");
                }
                int defLevel = definition[level];
                if (defLevel == defined)
                {
                    numbers[value++] = values[next++];
                }
                else if (defLevel == nullElement || defLevel < emptyList)
                {
                    (_badNumsRow, _nullList) = (row, defLevel != nullElement);
                    done = true;
                    break;
                }
            }
            pages.Position = level;
            pages.ValuePosition = next;
            if (done)
                break;
        }
        if (_badNumsRow >= 0)
            return;
        if (row + 1 != count)
            throw Corrupt(group, $"column 'nums' holds {start + row + 1} lists for {rows} rows");
        _rowStarts[count] = value;
    }

    private ValueTask<bool> FillAsync(ColumnPageCursor pages, DataField field, int group, CancellationToken cancellationToken)
    {
        try
        {
            ValueTask<bool> fill = pages.FillAsync(cancellationToken);
            return fill.IsCompletedSuccessfully ? fill : AwaitFillAsync(fill, field, group);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw PageError(field, group, ex);
        }
    }

    private async ValueTask<bool> AwaitFillAsync(ValueTask<bool> fill, DataField field, int group)
    {
        try
        {
            return await fill.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw PageError(field, group, ex);
        }
    }

    private async ValueTask<bool> HasMoreAsync(ColumnPageCursor pages, DataField field, int group, CancellationToken cancellationToken)
        => pages.Position < pages.Count || await FillAsync(pages, field, group, cancellationToken).ConfigureAwait(false);

    private void Guard(DataField field, int group, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            throw PageError(field, group, ex);
        }
    }

    private long LengthOf(Stream file)
    {
        try
        {
            return file.Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw InputFiles.ReadFailed(_sourcePath, ex);
        }
    }

    private InputFileException PageError(DataField field, int group, Exception ex) => ex switch
    {
        InputFileException input => input,
        IOException or UnauthorizedAccessException => InputFiles.ReadFailed(_sourcePath, ex),
        _ => Corrupt(group, $"column '{field.Path}' cannot be decoded: {InputFiles.Clause(ex.Message)}", ex),
    };

    private static bool IsInt32(DataField field) => field.ClrType == typeof(int);

    public void Dispose()
    {
        _targetPages?.Dispose();
        _numsPages?.Dispose();
    }
}
