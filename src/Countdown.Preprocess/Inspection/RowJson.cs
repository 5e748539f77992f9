using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Countdown.Preprocess.Inspection;

/// <summary>Formats rows as one-line JSON objects with values as pandas shows them: lists as arrays, structs as objects, NaN as null.</summary>
public static class RowJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Formats one row as a single-line JSON object, its columns in stored order.</summary>
    public static string Format(StructValue row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options)) Write(writer, row);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a plain value: <see langword="null"/>, a primitive, a list, a <see cref="StructValue"/> or a <see cref="MapValue"/>.</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case long number: writer.WriteNumberValue(number); break;
            case int number: writer.WriteNumberValue(number); break;
            case short or sbyte or byte or ushort or uint: writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case double or float:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsFinite(real)) writer.WriteRawValue(ValueText.Double(real));
                else writer.WriteNullValue();
                break;
            case DateTime time: writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;
            case object?[] list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            case StructValue record:
                writer.WriteStartObject();
                foreach (var (name, item) in record.Fields)
                {
                    writer.WritePropertyName(name);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case MapValue map:
                // pyarrow hands pandas a map as a list of (key, value) pairs.
                writer.WriteStartArray();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WriteStartArray();
                    Write(writer, key);
                    Write(writer, item);
                    writer.WriteEndArray();
                }
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(ValueText.Scalar(value)); break;
        }
    }
}
