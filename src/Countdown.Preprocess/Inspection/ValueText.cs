using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Countdown.Preprocess.Inspection;

/// <summary>Formats single plain values for people: numbers as Python prints them, strings bare unless ambiguous.</summary>
internal static class ValueText
{
    private static readonly JsonValueContext Quoting = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static bool IsScalar(object? value) => value is not (object?[] or StructValue or MapValue);

    public static bool IsBlock(object? value) => value is string text && text.Contains('\n');

    /// <summary>A scalar on one line; strings are quoted when <paramref name="quote"/> or when bare text would mislead.</summary>
    public static string Scalar(object? value, bool quote = false) => value switch
    {
        null => "null",
        string text => quote || NeedsQuotes(text) ? Quote(text) : text,
        bool flag => flag ? "true" : "false",
        double number => Double(number),
        float number => Double(number),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTime time => time.ToString(time.TimeOfDay == TimeSpan.Zero && time.Kind == DateTimeKind.Unspecified ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexStringLower(bytes.AsSpan(0, Math.Min(bytes.Length, 32))) + (bytes.Length > 32 ? $"… ({bytes.Length} bytes)" : ""),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A double as Python prints it: shortest round trip, with <c>.0</c> on whole numbers.</summary>
    public static string Double(double number)
    {
        if (double.IsNaN(number)) return "nan";
        if (double.IsInfinity(number)) return number > 0 ? "inf" : "-inf";
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    public static string Quote(string text) => JsonSerializer.Serialize(text, Quoting.String);

    private static bool NeedsQuotes(string text)
        => text.Length == 0 || text != text.Trim() || text is "null" or "true" or "false" || text.Any(c => char.IsControl(c) && c != '\n');
}
