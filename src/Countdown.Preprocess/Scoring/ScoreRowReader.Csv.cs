using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Countdown.Preprocess.Tasks;
using CsvHelper;
using CsvHelper.Configuration;

namespace Countdown.Preprocess.Scoring;

public static partial class ScoreRowReader
{
    private static readonly char[] NumberSeparators = [',', ';', ' ', '\t'];

    /// <summary>CSV with a header: <c>target</c>, <c>nums</c> (<c>[1, 2, 3]</c> or <c>1 2 3</c>) and <c>response</c>, or
    /// <c>reward_model</c> as JSON text and <c>solution_str</c>.</summary>
    private static async IAsyncEnumerable<ScoreRow> ReadCsvAsync(Stream input, string path,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null };
        using var csv = new CsvReader(text, configuration);
        string[] header;
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader())
                throw new InputFileException($"{Capitalized(path)} is empty; a CSV of rows to score needs a header row.", path);
            header = csv.HeaderRecord ?? [];
        }
        catch (CsvHelperException error)
        {
            throw new InputFileException($"{Capitalized(path)} is not readable CSV ({ScoreRowReader.Clause(error.Message)}); check the file.", path, error);
        }
        var hasTask = header.Contains("target") || header.Contains("nums");
        var outputColumn = header.Contains("response") ? "response" : "solution_str";
        long index = 0;
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var at = new RowLocation(path, csv.Parser.RawRow, null);
            long target;
            long[] numbers;
            if (hasTask)
            {
                target = CsvInteger(csv.GetField("target"), "target", at);
                numbers = CsvIntegers(csv.GetField("nums"), "nums", at);
            }
            else
            {
                var rewardModel = csv.GetField("reward_model") ?? throw at.Missing("target");
                (target, numbers) = CsvGroundTruth(rewardModel, at);
            }
            var output = csv.GetField(outputColumn) ?? throw at.Missing("response");
            yield return new ScoreRow(index++, target, numbers, output);
        }
    }

    private static long CsvInteger(string? cell, string field, RowLocation at)
    {
        if (cell is null) throw at.Missing(field);
        if (long.TryParse(cell.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        throw at.WrongType(field, cell, "an integer");
    }

    private static long[] CsvIntegers(string? cell, string field, RowLocation at)
    {
        if (cell is null) throw at.Missing(field);
        var parts = cell.Trim().TrimStart('[').TrimEnd(']').Split(NumberSeparators, StringSplitOptions.RemoveEmptyEntries);
        var numbers = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numbers[i]))
                throw at.WrongType(field, cell, "a list of integers such as [1, 2, 3]");
        return numbers;
    }

    private static (long Target, long[] Numbers) CsvGroundTruth(string cell, RowLocation at)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(cell);
        }
        catch (JsonException)
        {
            throw at.WrongType("reward_model", cell, "a JSON object with ground_truth");
        }
        using (document)
        {
            var truth = GroundTruth(document.RootElement, at);
            if (!truth.TryGetProperty("target", out var target)) throw at.Missing("reward_model.ground_truth.target");
            if (!truth.TryGetProperty("numbers", out var numbers)) throw at.Missing("reward_model.ground_truth.numbers");
            return (JsonInteger(target, "reward_model.ground_truth.target", at), JsonIntegers(numbers, "reward_model.ground_truth.numbers", at));
        }
    }
}
