using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Countdown.Preprocess.Quality;
using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Cli.Commands;

internal sealed partial class StatsCommand
{
    private const int BarWidth = 40;

    private static void WriteText(TextWriter output, TaskStatistics stats, SolveStatistics? solving, (TokenLengthStatistics Stats, string Counting)? tokens = null)
    {
        var text = new StringBuilder();
        Line(text, "records", Count(stats.Records));
        Line(text, "numbers per task", string.Join("   ", stats.TasksByNumberCount.Select(p => $"{p.Key}: {Count(p.Value)}")));
        Line(text, "targets", Range(stats.MinTarget, stats.MaxTarget));
        Line(text, "numbers", Range(stats.MinNumber, stats.MaxNumber));
        Line(text, "duplicates", $"{Count(stats.ExactDuplicates)} exact, {Count(stats.ReorderedDuplicates)} reordered ({Count(stats.Duplicates)} dropped by --dedupe)");
        if (solving is not null)
        {
            Line(text, "solvable (reward)", $"{Count(solving.SolvableReward)} ({Percent(solving.SolvableReward, solving.Tasks)})");
            Line(text, "solvable (integer)", $"{Count(solving.SolvableInteger)} ({Percent(solving.SolvableInteger, solving.Tasks)})");
            text.Append("difficulty: share of operation sequences that reach the target (lower is harder)\n");
            var largest = Math.Max(1, solving.Difficulty.Max(b => b.Tasks));
            var countWidth = solving.Difficulty.Max(b => Count(b.Tasks).Length);
            foreach (var bin in solving.Difficulty)
            {
                var bar = new string('#', (int)Math.Ceiling((double)bin.Tasks * BarWidth / largest));
                var row = string.Create(CultureInfo.InvariantCulture,
                    $"  {bin.Label,-16}{Count(bin.Tasks).PadLeft(countWidth)}  {Percent(bin.Tasks, solving.Tasks),7}  {bar}");
                text.Append(row.TrimEnd()).Append('\n');
            }
        }

        if (tokens is { } t) WriteTokensText(text, t.Stats, t.Counting);
        output.Write(text.ToString());
    }

    private static void WriteJson(TextWriter output, TaskStatistics stats, SolveStatistics? solving, TokenLengthStatistics? tokens = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("records", stats.Records);
            json.WriteStartObject("tasks_by_number_count");
            foreach (var (count, tasks) in stats.TasksByNumberCount) json.WriteNumber(count.ToString(CultureInfo.InvariantCulture), tasks);
            json.WriteEndObject();
            WriteRange(json, "target", stats.MinTarget, stats.MaxTarget);
            WriteRange(json, "number", stats.MinNumber, stats.MaxNumber);
            json.WriteStartObject("duplicates");
            json.WriteNumber("exact", stats.ExactDuplicates);
            json.WriteNumber("reordered", stats.ReorderedDuplicates);
            json.WriteEndObject();
            if (solving is not null)
            {
                json.WriteStartObject("solve");
                json.WriteNumber("solvable_reward", solving.SolvableReward);
                json.WriteNumber("solvable_integer", solving.SolvableInteger);
                json.WriteStartArray("difficulty");
                foreach (var bin in solving.Difficulty)
                {
                    json.WriteStartObject();
                    json.WriteString("label", bin.Label);
                    json.WriteNumber("share_min", bin.Low);
                    json.WriteNumber("share_max", bin.High);
                    json.WriteNumber("tasks", bin.Tasks);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            tokens?.WriteJson(json, "prompt_tokens");
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    private static void WriteRange(Utf8JsonWriter json, string name, long? min, long? max)
    {
        json.WriteStartObject(name);
        if (min is { } low) json.WriteNumber("min", low);
        else json.WriteNull("min");
        if (max is { } high) json.WriteNumber("max", high);
        else json.WriteNull("max");
        json.WriteEndObject();
    }

    private static void Line(StringBuilder text, string label, string value) => text.Append($"{label,-20}{value}\n");

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Range(long? min, long? max) => min is { } low && max is { } high
        ? string.Create(CultureInfo.InvariantCulture, $"{low} to {high}")
        : "none";

    private static string Percent(long part, long whole)
        => whole == 0 ? "-" : (100.0 * part / whole).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
