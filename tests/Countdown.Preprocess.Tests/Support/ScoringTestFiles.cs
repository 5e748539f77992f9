using System.Text.Json;
using Countdown.Preprocess.Scoring;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>The expected rating of a corpus answer in one mode.</summary>
internal sealed record ExpectedRating(double Score, double Acc, double Formatted, double Flagged, string Reason)
{
    public static ExpectedRating Of(ScoreResult result)
        => new(result.Score, result.IsCorrect ? 1 : 0, result.IsFormatted ? 1 : 0, result.IsFlagged ? 1 : 0, result.Reason.ToText());

    public static ExpectedRating FromJson(JsonElement json)
        => new(json.GetProperty("score").GetDouble(), json.GetProperty("acc").GetDouble(), json.GetProperty("formatted").GetDouble(),
            json.GetProperty("flagged").GetDouble(), json.GetProperty("reason").GetString()!);
}

/// <summary>One answer of <c>Fixtures/scoring/corpus.jsonl</c> (written by <c>make_corpus.py</c> beside it).</summary>
internal sealed record CorpusCase(string Id, string Note, long Target, long[] Nums, string Response, string Log,
    ExpectedRating Strict, ExpectedRating Lenient, ExpectedRating TinyZero);

/// <summary>Files for the scoring tests: the corpus, temporary folders, row files.</summary>
internal static class ScoringTestFiles
{
    public static string CorpusPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "scoring", "corpus.jsonl");

    private static readonly Lazy<IReadOnlyList<CorpusCase>> CorpusCases = new(LoadCorpus);

    public static IReadOnlyList<CorpusCase> Corpus => CorpusCases.Value;

    private static IReadOnlyList<CorpusCase> LoadCorpus()
    {
        var cases = new List<CorpusCase>();
        foreach (var line in File.ReadLines(CorpusPath))
        {
            using var document = JsonDocument.Parse(line);
            var row = document.RootElement;
            var target = row.GetProperty("target").GetInt64();
            var nums = row.GetProperty("nums").EnumerateArray().Select(n => n.GetInt64()).ToArray();
            var response = row.GetProperty("response").GetString()!;
            // Without a log of its own, a case's TinyZero log is TinyZero's base prompt for the task, then the response.
            var log = row.GetProperty("log").GetString()
                ?? PromptTemplates.Base.Render(new CountdownTask(target, nums))[0].Content + response;
            cases.Add(new CorpusCase(row.GetProperty("id").GetString()!, row.GetProperty("note").GetString()!, target, nums, response, log,
                ExpectedRating.FromJson(row.GetProperty("strict")), ExpectedRating.FromJson(row.GetProperty("lenient")),
                ExpectedRating.FromJson(row.GetProperty("tinyzero"))));
        }
        return cases;
    }

    /// <summary>Writes the corpus as rows to score: <c>target</c>, <c>nums</c> and the response (or the TinyZero log).</summary>
    public static string WriteCorpusRows(string directory, bool logs)
    {
        var path = Path.Combine(directory, logs ? "corpus-logs.jsonl" : "corpus-responses.jsonl");
        using var writer = new StreamWriter(path);
        foreach (var c in Corpus)
            writer.WriteLine(JsonSerializer.Serialize(new { target = c.Target, nums = c.Nums, response = logs ? c.Log : c.Response }));
        return path;
    }
}
