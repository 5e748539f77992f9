using System.Globalization;

namespace Countdown.Preprocess.Readers;

/// <summary>Parses integers written as text (CSV cells, list items) with the same rules as the JSON readers.</summary>
internal static class IntegerText
{
    /// <summary>Parses an optionally signed run of digits; anything else is an error naming the field.</summary>
    /// <exception cref="Tasks.TaskDataException">The text is not an integer or is outside the 64-bit range.</exception>
    public static long Parse(ReadOnlySpan<char> text, in RecordLocation at, string field)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            return value;
        ReadOnlySpan<char> digits = text.Length > 0 && text[0] is '-' or '+' ? text[1..] : text;
        throw digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9')
            ? TaskRecordValidator.OutOfRange(at, field, text.ToString())
            : TaskRecordValidator.NotInteger(at, field, text.ToString());
    }
}
