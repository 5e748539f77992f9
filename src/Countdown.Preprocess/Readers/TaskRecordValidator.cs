using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Readers;

/// <summary>The record rules every reader applies, and the one-sentence errors it raises when a record breaks them.</summary>
internal static class TaskRecordValidator
{
    /// <summary>The name of the target field or column.</summary>
    public const string Target = "target";

    /// <summary>The name of the numbers field or column.</summary>
    public const string Nums = "nums";

    private const int MaxQuotedLength = 40;

    /// <summary>Checks the rules on a decoded list of numbers: at least one, none negative.</summary>
    public static void ValidateNums(ReadOnlySpan<long> nums, in RecordLocation at)
    {
        if (nums.IsEmpty)
            throw EmptyNums(at);
        foreach (long n in nums)
        {
            if (n < 0)
                throw Negative(at, n);
        }
    }

    /// <summary>The field is absent from the record.</summary>
    public static TaskDataException Missing(in RecordLocation at, string field)
        => Error(at, field, $"Field '{field}' is missing on {at}; {Need(field)}.");

    /// <summary>The field is present but null.</summary>
    public static TaskDataException Null(in RecordLocation at, string field)
        => Error(at, field, $"Field '{field}' is null on {at}; {Need(field)}.");

    /// <summary>An element of <c>nums</c> is null.</summary>
    public static TaskDataException NullElement(in RecordLocation at)
        => Error(at, Nums, $"Field 'nums' holds a null number on {at}; every number in nums must be an integer.");

    /// <summary>The value is not a whole number (a fraction, an exponent, a string, a boolean...).</summary>
    public static TaskDataException NotInteger(in RecordLocation at, string field, string text)
        => Error(at, field, $"Field '{field}' holds '{Shorten(text)}' on {at}, which is not an integer; write whole numbers such as 28, without a fraction, exponent or quotes.");

    /// <summary>The value is a whole number outside the 64-bit range.</summary>
    public static TaskDataException OutOfRange(in RecordLocation at, string field, string text)
        => Error(at, field, $"Field '{field}' holds '{Shorten(text)}' on {at}, which is beyond the 64-bit integer range; keep values between {long.MinValue} and {long.MaxValue}.");

    /// <summary><c>nums</c> is not a list.</summary>
    public static TaskDataException NotList(in RecordLocation at, string text)
        => Error(at, Nums, $"Field 'nums' holds '{Shorten(text)}' on {at}, which is not a list; write it as a list such as [95, 11, 56].");

    /// <summary><c>nums</c> is an empty list.</summary>
    public static TaskDataException EmptyNums(in RecordLocation at)
        => Error(at, Nums, $"Field 'nums' is an empty list on {at}; every record needs at least one number.");

    /// <summary><c>nums</c> holds a negative number, which the rule reward cannot match.</summary>
    public static TaskDataException Negative(in RecordLocation at, long value)
        => Error(at, Nums, $"Field 'nums' holds the negative number '{value}' on {at}; the rule reward reads digits only, so it cannot score a task with negative numbers (fix or drop the record).");

    /// <summary>The record itself is not an object (JSON) or is malformed in a way no single field explains.</summary>
    public static TaskDataException Malformed(in RecordLocation at, string what, string hint, Exception? inner = null)
        => new($"{Capitalize(at.ToString())} {what}; {hint}.", at.SourcePath, at.LineNumber, at.RowIndex, null, inner);

    private static TaskDataException Error(in RecordLocation at, string field, string message)
        => new(message, at.SourcePath, at.LineNumber, at.RowIndex, field);

    private static string Need(string field) => field == Target
        ? "every record needs an integer target"
        : "every record needs a list of integers in nums";

    private static string Shorten(string text)
        => MessageText.Quote(text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "..."), int.MaxValue);

    private static string Capitalize(string text)
        => text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
