using System.Text;
using System.Text.Json;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Readers;

/// <summary>Reads one <c>{"nums": [...], "target": N}</c> object from a <see cref="Utf8JsonReader"/>; key order is free, other keys are skipped.</summary>
/// <remarks>
/// Numbers must be JSON integers: <c>28.0</c> and <c>2.8e1</c> are refused, because Python's <c>json</c> reads them as floats
/// and TinyZero would then print <c>28.0</c> into the prompt. A repeated key keeps its last value, as Python's <c>json</c> does.
/// </remarks>
internal sealed class JsonRecordParser
{
    private long[] _scratch = new long[16];

    /// <summary>Reads the object whose <see cref="JsonTokenType.StartObject"/> the reader is on; leaves it on the matching end.</summary>
    /// <exception cref="TaskDataException">A field is missing, null, of the wrong type or breaks a record rule.</exception>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public CountdownTask ReadObject(ref Utf8JsonReader reader, in RecordLocation at)
    {
        long? target = null;
        long[]? nums = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                target = ReadTarget(ref reader, at);
            }
            else if (reader.ValueTextEquals("nums"u8))
            {
                reader.Read();
                nums = ReadNums(ref reader, at);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (target is null)
            throw TaskRecordValidator.Missing(at, TaskRecordValidator.Target);
        if (nums is null)
            throw TaskRecordValidator.Missing(at, TaskRecordValidator.Nums);
        return new CountdownTask(target.Value, nums);
    }

    private static long ReadTarget(ref Utf8JsonReader reader, in RecordLocation at)
    {
        if (reader.TokenType == JsonTokenType.Null)
            throw TaskRecordValidator.Null(at, TaskRecordValidator.Target);
        return ReadInteger(ref reader, at, TaskRecordValidator.Target);
    }

    private long[] ReadNums(ref Utf8JsonReader reader, in RecordLocation at)
    {
        if (reader.TokenType == JsonTokenType.Null)
            throw TaskRecordValidator.Null(at, TaskRecordValidator.Nums);
        if (reader.TokenType != JsonTokenType.StartArray)
            throw TaskRecordValidator.NotList(at, TokenText(ref reader));
        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
                throw TaskRecordValidator.NullElement(at);
            if (count == _scratch.Length)
                Array.Resize(ref _scratch, count * 2);
            _scratch[count++] = ReadInteger(ref reader, at, TaskRecordValidator.Nums);
        }
        ReadOnlySpan<long> nums = _scratch.AsSpan(0, count);
        TaskRecordValidator.ValidateNums(nums, at);
        return nums.ToArray();
    }

    private static long ReadInteger(ref Utf8JsonReader reader, in RecordLocation at, string field)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out long value))
                return value;
            string text = Encoding.UTF8.GetString(reader.ValueSpan);
            throw reader.ValueSpan.IndexOfAny(".eE"u8) >= 0
                ? TaskRecordValidator.NotInteger(at, field, text)
                : TaskRecordValidator.OutOfRange(at, field, text);
        }
        throw TaskRecordValidator.NotInteger(at, field, TokenText(ref reader));
    }

    /// <summary>A short rendering of the current value for messages; containers are skipped past.</summary>
    private static string TokenText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return $"\"{reader.GetString()}\"";
            case JsonTokenType.StartArray:
                reader.Skip();
                return "[...]";
            case JsonTokenType.StartObject:
                reader.Skip();
                return "{...}";
            default:
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }
}
