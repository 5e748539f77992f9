using System.Text;
using System.Text.Json;

namespace Countdown.Preprocess.Preparing;

/// <summary>The machine-readable record of one <c>prepare</c> run, for CI pipelines (<c>--summary-json</c>).</summary>
public static class PrepareSummary
{
    /// <summary>Renders the summary as an indented JSON document with a fixed key order.</summary>
    /// <param name="options">The options in force.</param>
    /// <param name="result">What the run did.</param>
    /// <param name="toolVersion">The tool's version string.</param>
    /// <param name="extraOptions">Options that live outside <see cref="PrepareOptions"/> (CLI-only), written as given.</param>
    public static string ToJson(PrepareOptions options, PrepareResult result, string toolVersion, IReadOnlyDictionary<string, object?>? extraOptions = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "countdown-preprocess");
            json.WriteString("version", toolVersion);

            json.WriteStartObject("input");
            json.WriteString("path", options.InputDisplayName ?? string.Join(", ", options.InputPaths));
            json.WriteString("format", result.Inputs.Count > 0 ? FormatName(result.Inputs[0].Format) : null);
            json.WriteString("sha256", result.Inputs.Count == 1 ? result.Inputs[0].Sha256 : null);
            json.WriteNumber("records", result.InputRecords);
            json.WriteStartArray("files");
            foreach (var input in result.Inputs)
            {
                json.WriteStartObject();
                json.WriteString("path", input.Path);
                json.WriteString("format", FormatName(input.Format));
                json.WriteNumber("records", input.Records);
                json.WriteString("sha256", input.Sha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject("options");
            json.WriteString("input_format", FormatName(options.InputFormat));
            json.WriteString("local_dir", Path.GetFullPath(options.OutputDirectory));
            json.WriteNumber("train_size", options.TrainSize);
            json.WriteNumber("test_size", options.TestSize);
            json.WriteString("template", options.Template.Name);
            json.WriteString("compression", options.Parquet.Compression.ToString().ToLowerInvariant());
            json.WriteNumber("row_group_size", options.Parquet.RowGroupSize);
            json.WriteBoolean("dedupe", options.Dedupe);
            json.WriteBoolean("solvable_only", options.SolvableOnly);
            json.WriteBoolean("shuffle", options.ShuffleSeed is not null);
            if (options.ShuffleSeed is { } seed) json.WriteNumber("seed", seed); else json.WriteNull("seed");
            json.WriteBoolean("add_solution", options.AddSolution);
            if (extraOptions is not null)
                foreach (var (key, value) in extraOptions)
                    WriteValue(json, key, value);
            json.WriteEndObject();

            json.WriteStartObject("filters");
            json.WriteNumber("duplicates_removed", result.DuplicatesRemoved);
            json.WriteNumber("unsolvable_removed", result.UnsolvableRemoved);
            json.WriteNumber("prompts_too_long_removed", result.PromptsTooLongRemoved);
            json.WriteNumber("usable_records", result.UsableRecords);
            json.WriteEndObject();

            json.WriteStartArray("outputs");
            // Shards: one entry per file, so every file the run wrote has its rows, bytes and hash.
            foreach (var train in result.TrainShards ?? [result.Train]) WriteOutput(json, "train", train);
            foreach (var test in result.TestShards ?? [result.Test]) WriteOutput(json, "test", test);
            foreach (var extra in result.ExtraOutputs)
                WriteOutput(json, "reward_function", extra);
            json.WriteEndArray();

            if (result.PromptTokens is { } tokens) tokens.WriteJson(json, "prompt_tokens");
            json.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string FormatName(Readers.TaskInputFormat format) => format.ToString().ToLowerInvariant();

    private static void WriteOutput(Utf8JsonWriter json, string kind, PreparedOutput output)
    {
        json.WriteStartObject();
        json.WriteString("kind", kind);
        json.WriteString("path", output.Path);
        json.WriteNumber("rows", output.Rows);
        json.WriteNumber("bytes", output.Bytes);
        json.WriteString("sha256", output.Sha256);
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(key); break;
            case bool b: json.WriteBoolean(key, b); break;
            case int i: json.WriteNumber(key, i); break;
            case long l: json.WriteNumber(key, l); break;
            default: json.WriteString(key, value.ToString()); break;
        }
    }
}
