using System.Globalization;
using System.Text;

namespace Countdown.Preprocess.Templates;

/// <summary>Formats values exactly as Python's <c>str()</c> does, so prompts match TinyZero's f-strings byte for byte.</summary>
public static class PythonFormat
{
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
}
