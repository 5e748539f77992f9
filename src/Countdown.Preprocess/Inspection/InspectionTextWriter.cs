using System.Globalization;

namespace Countdown.Preprocess.Inspection;

/// <summary>Writes what <c>inspect</c> shows people: the file summary, its schema, and rows laid out like YAML.</summary>
/// <remarks>Strings with line breaks print as indented blocks after <c>|</c>, so a prompt reads as it will reach the model.</remarks>
public static class InspectionTextWriter
{
    private const int RowGroupsShown = 8;

    /// <summary>Writes the summary: path, format, row count, Parquet row groups, compression and metadata keys, and the schema.</summary>
    public static void WriteDescription(TextWriter writer, TableDescription description)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(description);
        writer.WriteLine($"File:        {description.Path}");
        writer.WriteLine($"Format:      {FormatName(description.Format)}");
        writer.WriteLine($"Rows:        {Count(description.RowCount)}");
        if (description.Parquet is { } parquet)
        {
            var groups = parquet.RowGroupRowCounts;
            var shown = string.Join(", ", groups.Take(RowGroupsShown).Select(Count)) + (groups.Count > RowGroupsShown ? ", …" : "");
            writer.WriteLine($"Row groups:  {groups.Count}{(groups.Count > 0 ? $" ({shown} rows)" : "")}");
            writer.WriteLine($"Compression: {(parquet.Codecs.Count > 0 ? string.Join(", ", parquet.Codecs) : "none")}");
            if (parquet.CreatedBy is { } createdBy) writer.WriteLine($"Created by:  {createdBy}");
            writer.WriteLine($"Metadata:    {(parquet.Metadata.Count > 0 ? string.Join(", ", parquet.Metadata.Select(kv => $"{kv.Key} ({Count(kv.Value?.Length ?? 0)} chars)")) : "none")}");
        }
        writer.WriteLine();
        writer.WriteLine(description.Format == TableFormat.Parquet ? "Schema:" : "Schema (inferred):");
        foreach (var field in description.Fields) writer.WriteLine($"  {field}");
    }

    /// <summary>Writes one row under a <c>Row N:</c> heading, one field per line, nested values indented.</summary>
    public static void WriteRow(TextWriter writer, long rowNumber, StructValue row)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(row);
        writer.WriteLine($"Row {rowNumber}:");
        WriteFields(writer, row.Fields, "  ", "  ");
    }

    private static void WriteFields(TextWriter writer, IReadOnlyList<KeyValuePair<string, object?>> fields, string firstIndent, string indent)
    {
        if (fields.Count == 0)
        {
            writer.WriteLine($"{firstIndent}{{}}");
            return;
        }
        for (var i = 0; i < fields.Count; i++)
            WriteNamed(writer, i == 0 ? firstIndent : indent, indent, fields[i].Key, fields[i].Value);
    }

    private static void WriteNamed(TextWriter writer, string lead, string indent, string name, object? value)
    {
        var label = $"{lead}{name}:";
        switch (value)
        {
            case string text when ValueText.IsBlock(text):
                writer.WriteLine($"{label} |");
                WriteBlock(writer, text, indent + "  ");
                break;
            case object?[] list when list.All(ValueText.IsScalar) && !list.Any(ValueText.IsBlock):
                writer.WriteLine($"{label} {InlineList(list)}");
                break;
            case object?[] list:
                writer.WriteLine(label);
                WriteItems(writer, list, indent + "  ");
                break;
            case StructValue record:
                writer.WriteLine(label);
                WriteFields(writer, record.Fields, indent + "  ", indent + "  ");
                break;
            case MapValue map:
                writer.WriteLine(map.Entries.Count == 0 ? $"{label} {{}}" : label);
                WriteItems(writer, map.Entries.Select(e => (object?)new StructValue([new("key", e.Key), new("value", e.Value)])).ToArray(), indent + "  ");
                break;
            default:
                writer.WriteLine($"{label} {ValueText.Scalar(value)}");
                break;
        }
    }

    private static void WriteItems(TextWriter writer, object?[] items, string indent)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case StructValue record:
                    WriteFields(writer, record.Fields, indent + "- ", indent + "  ");
                    break;
                case object?[] list when list.All(ValueText.IsScalar) && !list.Any(ValueText.IsBlock):
                    writer.WriteLine($"{indent}- {InlineList(list)}");
                    break;
                case object?[] list:
                    writer.WriteLine($"{indent}-");
                    WriteItems(writer, list, indent + "  ");
                    break;
                case MapValue map:
                    writer.WriteLine($"{indent}-");
                    WriteItems(writer, map.Entries.Select(e => (object?)new StructValue([new("key", e.Key), new("value", e.Value)])).ToArray(), indent + "  ");
                    break;
                case string text when ValueText.IsBlock(text):
                    writer.WriteLine($"{indent}- |");
                    WriteBlock(writer, text, indent + "  ");
                    break;
                default:
                    writer.WriteLine($"{indent}- {ValueText.Scalar(item)}");
                    break;
            }
        }
    }

    private static void WriteBlock(TextWriter writer, string text, string indent)
    {
        foreach (var line in text.Split('\n')) writer.WriteLine(line.Length == 0 ? "" : indent + line);
    }

    private static string InlineList(object?[] list) => "[" + string.Join(", ", list.Select(v => ValueText.Scalar(v, quote: true))) + "]";

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string FormatName(TableFormat format) => format switch
    {
        TableFormat.Parquet => "Parquet",
        TableFormat.JsonLines => "JSON Lines",
        TableFormat.Json => "JSON",
        TableFormat.Tsv => "TSV",
        _ => "CSV",
    };
}
