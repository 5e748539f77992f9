using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Countdown.Preprocess.Validation;

/// <summary>Writes a <see cref="ValidationReport"/> for people (one block per file) or as one JSON document.</summary>
public static class ValidationReportWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes each file's verdict, its violations (the kept ones, then a count for the rest) and a closing verdict line.</summary>
    public static void WriteText(TextWriter writer, ValidationReport report, bool strict)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var file in report.Files)
        {
            var templates = file.TemplateRows.Count == 0 ? "" : ", template " + string.Join(", ", file.TemplateRows.Select(t => $"{t.Key} ({Plural(t.Value, "row")})"));
            var split = file.Split is null ? "" : $", split {file.Split}";
            writer.WriteLine($"{file.Path}: {Plural(file.RowCount, "row")}{split}{templates}: {Tally(file.ErrorCount, file.WarningCount)}");
            foreach (var summary in file.Violations)
            {
                var severity = summary.Severity == Severity.Error ? "error" : "warning";
                foreach (var violation in summary.Samples)
                    writer.WriteLine($"  {severity} [{Violation.NameOf(violation.Kind)}] {violation.Message}");
                if (summary.Count > summary.Samples.Count)
                    writer.WriteLine($"  {severity} [{Violation.NameOf(summary.Kind)}] … {Count(summary.Count - summary.Samples.Count)} more not shown ({Count(summary.Count)} in all).");
            }
        }
        var verdict = report.Passed(strict) ? "PASSED" : "FAILED";
        var why = !report.Passed(strict) && report.ErrorCount == 0 ? " (--strict: warnings fail)" : "";
        writer.WriteLine($"{verdict}{why}: {Plural(report.Files.Count, "file")}, {Plural(report.RowCount, "row")}, {Tally(report.ErrorCount, report.WarningCount)}.");
    }

    /// <summary>Writes the report as one indented JSON document.</summary>
    public static void WriteJson(TextWriter writer, ValidationReport report, bool strict)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteBoolean("passed", report.Passed(strict));
            json.WriteBoolean("strict", strict);
            json.WriteNumber("files", report.Files.Count);
            json.WriteNumber("rows", report.RowCount);
            json.WriteNumber("errors", report.ErrorCount);
            json.WriteNumber("warnings", report.WarningCount);
            json.WriteStartArray("reports");
            foreach (var file in report.Files) WriteFile(json, file);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WriteFile(Utf8JsonWriter json, FileReport file)
    {
        json.WriteStartObject();
        json.WriteString("path", file.Path);
        json.WriteString("split", file.Split);
        json.WriteNumber("rows", file.RowCount);
        json.WriteNumber("errors", file.ErrorCount);
        json.WriteNumber("warnings", file.WarningCount);
        json.WriteStartObject("templates");
        foreach (var (name, rows) in file.TemplateRows) json.WriteNumber(name, rows);
        json.WriteEndObject();
        json.WriteStartArray("violations");
        foreach (var summary in file.Violations)
        {
            json.WriteStartObject();
            json.WriteString("kind", Violation.NameOf(summary.Kind));
            json.WriteString("severity", summary.Severity == Severity.Error ? "error" : "warning");
            json.WriteNumber("count", summary.Count);
            json.WriteStartArray("samples");
            foreach (var violation in summary.Samples)
            {
                json.WriteStartObject();
                if (violation.Row is { } row) json.WriteNumber("row", row);
                else json.WriteNull("row");
                json.WriteString("field", violation.Field);
                json.WriteString("message", violation.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Tally(long errors, long warnings)
        => errors == 0 && warnings == 0 ? "OK" : $"{Plural(errors, "error")}, {Plural(warnings, "warning")}";

    private static string Plural(long count, string noun) => $"{Count(count)} {noun}{(count == 1 ? "" : "s")}";

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
