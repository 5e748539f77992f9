using Countdown.Preprocess.Tasks;
using Parquet;
using Parquet.Schema;

namespace Countdown.Preprocess.Readers;

internal sealed partial class ParquetTaskReader
{
    // Column buffers, grown to the largest row group and reused; tasks copy their numbers out.
    private long[] _values = [];
    private int[] _narrowValues = [];
    private int[] _definitionLevels = [];
    private int[] _repetitionLevels = [];
    private long[] _targets = [];
    private int[] _rowStarts = [];

    // The first bad row of the decoded row group, or -1.
    private int _nullTargetRow = -1;
    private int _badNumsRow = -1;
    private bool _nullList;

    /// <summary>Tasks per batch: a huge row group (pyarrow may write one for a whole file) is handed on in pieces, so only its decoded columns are held at once, not a task object per row; 8,192 keeps a batch's list (64 KB) off the large object heap, which only a full collection frees.</summary>
    internal const int BatchRows = 8_192;

    /// <summary>Decodes the columns of one row group; returns its row count. <see cref="TakeTasks"/> then builds its tasks a batch at a time.</summary>
    private async Task<int> DecodeRowGroupAsync(ParquetRowGroupReader rowGroup, int group, CancellationToken cancellationToken)
    {
        int rows = checked((int)rowGroup.RowCount);
        int targetCount = await ReadColumnAsync(rowGroup, _columns.Target, group, cancellationToken).ConfigureAwait(false);
        if (targetCount != rows)
            throw Corrupt(group, $"column 'target' holds {targetCount} values for {rows} rows");
        Grow(ref _targets, rows);
        int nullTargetRow = DecodeTargets(rows);

        int numsCount = await ReadColumnAsync(rowGroup, _columns.NumsElement, group, cancellationToken).ConfigureAwait(false);
        Grow(ref _rowStarts, rows + 1);
        (_badNumsRow, _nullList) = DecodeNumsRows(numsCount, rows, group);
        _nullTargetRow = nullTargetRow;
        return rows;
    }

    /// <summary>Builds the tasks of rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 of the decoded row group, checking each.</summary>
    private List<CountdownTask> TakeTasks(int start, int count, long firstRow)
    {
        var tasks = new List<CountdownTask>(count);
        for (int row = start; row < start + count; row++)
        {
            var at = RecordLocation.Row(_sourcePath, firstRow + row);
            if (row == _nullTargetRow)
                throw TaskRecordValidator.Null(at, TaskRecordValidator.Target);
            if (row == _badNumsRow)
                throw _nullList ? TaskRecordValidator.Null(at, TaskRecordValidator.Nums) : TaskRecordValidator.NullElement(at);
            ReadOnlySpan<long> nums = _values.AsSpan(_rowStarts[row], _rowStarts[row + 1] - _rowStarts[row]);
            TaskRecordValidator.ValidateNums(nums, at);
            tasks.Add(new CountdownTask(_targets[row], nums.ToArray()));
        }
        return tasks;
    }

    /// <summary>Reads one column chunk into the value and level buffers; returns its level count (values plus nulls).</summary>
    private async Task<int> ReadColumnAsync(ParquetRowGroupReader rowGroup, DataField field, int group, CancellationToken cancellationToken)
    {
        long? declared = rowGroup.GetMetadata(field)?.MetaData?.NumValues;
        if (declared is not (>= 0 and <= int.MaxValue))
            throw Corrupt(group, $"column '{field.Path}' has no readable chunk");
        int count = (int)declared.Value;
        Grow(ref _values, count);
        Grow(ref _definitionLevels, count);
        Grow(ref _repetitionLevels, count);
        // Explicit nulls: a bare null would convert through int[] into an empty, non-null Memory.
        Memory<int>? definitions = field.MaxDefinitionLevel > 0 ? _definitionLevels.AsMemory(0, count) : default(Memory<int>?);
        Memory<int>? repetitions = field.MaxRepetitionLevel > 0 ? _repetitionLevels.AsMemory(0, count) : default(Memory<int>?);
        try
        {
            if (field.ClrType == typeof(long))
            {
                await rowGroup.ReadRawAsync(field, _values.AsMemory(0, count), definitions, repetitions, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Grow(ref _narrowValues, count);
                await rowGroup.ReadRawAsync(field, _narrowValues.AsMemory(0, count), definitions, repetitions, cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < count; i++)
                    _values[i] = _narrowValues[i];
            }
        }
        catch (Exception ex) when (ex is NotImplementedException or NotSupportedException)
        {
            // e.g. Parquet.Net 6.1 cannot read list columns from data page v2, which pyarrow writes only on request.
            throw new InputFileException(
                $"Column '{field.Path}' in row group {group} of {InputFiles.Describe(_sourcePath)} uses a Parquet feature this reader lacks ({InputFiles.Clause(ex.Message)}); write the file again with pyarrow's defaults (data page version 1.0).",
                _sourcePath, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Corrupt(group, $"column '{field.Path}' cannot be decoded: {InputFiles.Clause(ex.Message)}", ex);
        }
        return count;
    }

    /// <summary>Moves the non-null targets to their rows; returns the first row whose target is null, or -1.</summary>
    private int DecodeTargets(int rows)
    {
        int defined = _columns.Target.MaxDefinitionLevel;
        if (defined == 0)
        {
            _values.AsSpan(0, rows).CopyTo(_targets);
            return -1;
        }
        int value = 0;
        for (int row = 0; row < rows; row++)
        {
            if (_definitionLevels[row] != defined)
                return row;
            _targets[row] = _values[value++];
        }
        return -1;
    }

    /// <summary>Splits the list levels into rows (start offsets into the values); returns the first row with a null list or element.</summary>
    private (int Row, bool NullList) DecodeNumsRows(int levels, int rows, int group)
    {
        int defined = _columns.NumsElement.MaxDefinitionLevel;
        int row = -1, value = 0;
        for (int i = 0; i < levels; i++)
        {
            if (_repetitionLevels[i] == 0)
            {
                if (++row >= rows)
                    throw Corrupt(group, $"column 'nums' holds more lists than the {rows} rows");
                _rowStarts[row] = value;
            }
            else if (row < 0)
            {
                throw Corrupt(group, "column 'nums' does not start with a new row");
            }
            int level = defined == 0 ? 0 : _definitionLevels[i];
            if (level == defined)
                value++;
            else if (level == _columns.NullElementLevel)
                return (row, false);
            else if (level < _columns.EmptyListLevel)
                return (row, true);
        }
        if (row + 1 != rows)
            throw Corrupt(group, $"column 'nums' holds {row + 1} lists for {rows} rows");
        _rowStarts[rows] = value;
        return (-1, false);
    }

    private InputFileException Corrupt(int group, string detail, Exception? inner = null)
        => new($"Row group {group} of {InputFiles.Describe(_sourcePath)} is corrupt ({detail}); download or write the file again.", _sourcePath, inner);

    private static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
            buffer = new T[length];
    }
}
