using System.Globalization;
using System.Text.Json;

namespace Countdown.Preprocess.Tokenization;

/// <summary>Prompt lengths in tokens: range, mean, nearest-rank median and 99th percentile, and how many prompts have each length.</summary>
/// <param name="Min">The shortest prompt.</param>
/// <param name="Max">The longest prompt.</param>
/// <param name="Mean">The mean length.</param>
/// <param name="P50">The median (nearest rank: the least length at least half of the prompts do not exceed).</param>
/// <param name="P99">The 99th percentile (nearest rank).</param>
/// <param name="Histogram">Each length that occurs, with its number of prompts, shortest first.</param>
public sealed record TokenLengthStatistics(int Min, int Max, double Mean, int P50, int P99, IReadOnlyDictionary<int, long> Histogram)
{
    /// <summary>The number of prompts.</summary>
    public long Count => Histogram.Values.Sum();

    /// <summary>Writes the statistics as the JSON object <c>{min, max, mean, p50, p99, histogram: {"length": rows}}</c> under <paramref name="name"/>.</summary>
    public void WriteJson(Utf8JsonWriter json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject(name);
        json.WriteNumber("min", Min);
        json.WriteNumber("max", Max);
        json.WriteNumber("mean", Math.Round(Mean, 3));
        json.WriteNumber("p50", P50);
        json.WriteNumber("p99", P99);
        json.WriteStartObject("histogram");
        foreach (var (tokens, rows) in Histogram) json.WriteNumber(tokens.ToString(CultureInfo.InvariantCulture), rows);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
