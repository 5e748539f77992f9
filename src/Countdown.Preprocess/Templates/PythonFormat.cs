using System.Globalization;
using System.Text;

namespace Countdown.Preprocess.Templates;

/// <summary>Formats values exactly as Python's <c>str()</c> does, so prompts match TinyZero's f-strings byte for byte.</summary>
public static class PythonFormat
{
    /// <summary>The most characters one <see cref="long"/> takes: <c>-9223372036854775808</c>.</summary>
    private const int MaxIntegerLength = 20;

    /// <summary>Formats a list of integers as Python prints a list: <c>[95, 11, 56]</c>.</summary>
    public static string List(ReadOnlySpan<long> values)
    {
        var builder = new StringBuilder(2 + values.Length * 4);
        AppendList(builder, values);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="values"/> as Python prints a list.</summary>
    public static void AppendList(StringBuilder builder, ReadOnlySpan<long> values)
    {
        builder.Append('[');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) builder.Append(", ");
            builder.Append(values[i].ToString(CultureInfo.InvariantCulture));
        }
        builder.Append(']');
    }

    /// <summary>Formats an integer as Python prints it.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets the most characters <see cref="FormatList"/> writes for <paramref name="count"/> values.</summary>
    internal static int MaxListLength(int count) => 2 + count * (MaxIntegerLength + 2);

    /// <summary>Gets the most characters <see cref="FormatInteger"/> writes.</summary>
    internal static int MaxIntegerTextLength => MaxIntegerLength;

    /// <summary>Writes <paramref name="values"/> as Python prints a list, without allocating, and returns the characters written.</summary>
    /// <remarks><paramref name="destination"/> must hold at least <see cref="MaxListLength"/> characters.</remarks>
    internal static int FormatList(ReadOnlySpan<long> values, Span<char> destination)
    {
        destination[0] = '[';
        var written = 1;
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                destination[written++] = ',';
                destination[written++] = ' ';
            }
            written += FormatInteger(values[i], destination[written..]);
        }
        destination[written++] = ']';
        return written;
    }

    /// <summary>Writes <paramref name="value"/> as Python prints it, without allocating, and returns the characters written.</summary>
    internal static int FormatInteger(long value, Span<char> destination)
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>Writes <paramref name="values"/> as <see cref="FormatList"/> does, as UTF-8 (the text is ASCII), and returns the bytes written.</summary>
    /// <remarks><paramref name="destination"/> must hold at least <see cref="MaxListLength"/> bytes.</remarks>
    internal static int FormatListUtf8(ReadOnlySpan<long> values, Span<byte> destination)
    {
        destination[0] = (byte)'[';
        var written = 1;
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                destination[written++] = (byte)',';
                destination[written++] = (byte)' ';
            }
            written += FormatIntegerUtf8(values[i], destination[written..]);
        }
        destination[written++] = (byte)']';
        return written;
    }

    /// <summary>Writes <paramref name="value"/> as <see cref="FormatInteger"/> does, as UTF-8, and returns the bytes written.</summary>
    internal static int FormatIntegerUtf8(long value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }
}
