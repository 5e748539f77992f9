namespace Countdown.Preprocess.Readers;

/// <summary>Parses a <c>nums</c> cell: <c>[95, 11, 56]</c> (pandas), <c>[95 11 56]</c> (numpy), <c>95 11 56</c> or <c>[95,11,56]</c>.</summary>
internal sealed class NumsText
{
    private long[] _scratch = new long[16];

    /// <summary>Parses and validates one cell; items are separated by a comma, white space, or both.</summary>
    /// <exception cref="Tasks.TaskDataException">The cell is empty, not a list, holds a non-integer, or breaks a record rule.</exception>
    public long[] Parse(ReadOnlySpan<char> cell, in RecordLocation at)
    {
        ReadOnlySpan<char> text = cell.Trim();
        if (text.IsEmpty)
            throw TaskRecordValidator.Missing(at, TaskRecordValidator.Nums);
        bool opens = text[0] == '[', closes = text[^1] == ']';
        if (opens != closes || (opens && text.Length < 2))
            throw TaskRecordValidator.NotList(at, text.ToString());
        ReadOnlySpan<char> items = opens ? text[1..^1] : text;

        int count = 0;
        bool needItem = false; // true right after a comma: "[1,]" and "[1,,2]" are not lists
        while (true)
        {
            items = items.TrimStart();
            if (items.IsEmpty)
                break;
            if (items[0] == ',')
            {
                if (count == 0 || needItem)
                    throw TaskRecordValidator.NotList(at, text.ToString());
                needItem = true;
                items = items[1..];
                continue;
            }
            int length = items.IndexOfAny(", \t\r\n");
            if (length < 0)
                length = items.Length;
            if (count == _scratch.Length)
                Array.Resize(ref _scratch, count * 2);
            _scratch[count++] = IntegerText.Parse(items[..length], at, TaskRecordValidator.Nums);
            items = items[length..];
            needItem = false;
        }
        if (needItem)
            throw TaskRecordValidator.NotList(at, text.ToString());
        ReadOnlySpan<long> nums = _scratch.AsSpan(0, count);
        TaskRecordValidator.ValidateNums(nums, at);
        return nums.ToArray();
    }
}
