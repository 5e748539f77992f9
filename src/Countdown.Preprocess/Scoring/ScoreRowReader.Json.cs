using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Scoring;

public static partial class ScoreRowReader
{
    private static async IAsyncEnumerable<ScoreRow> ReadJsonAsync(Stream input, string path,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var elements = JsonSerializer.DeserializeAsyncEnumerable(input, Inspection.JsonValueContext.Default.JsonElement, cancellationToken);
        await using var enumerator = elements.GetAsyncEnumerator(cancellationToken);
        long index = 0;
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync()) break;
            }
            catch (JsonException error)
            {
                throw new InputFileException($"{Capitalized(path)} is not a valid JSON array of rows ({ScoreRowReader.Clause(error.Message)}); write one array of objects.", path, error);
            }
            yield return FromJson(enumerator.Current, index, new RowLocation(path, null, index));
            index++;
        }
    }

    /// <summary>A row from a JSON object: <c>target</c> and <c>nums</c>, or <c>reward_model.ground_truth</c>; <c>response</c> or <c>solution_str</c>.</summary>
    private static ScoreRow FromJson(JsonElement row, long index, RowLocation at)
    {
        try
        {
            return FromJsonElement(row, index, at);
        }
        catch (InvalidOperationException error) when (error.InnerException is System.Text.DecoderFallbackException)
        {
            // System.Text.Json checks UTF-8 only when a string is decoded.
            throw new TaskDataException($"The row {at} holds text that is not valid UTF-8; save the file as UTF-8.", at.SourcePath, at.LineNumber, at.RowIndex, inner: error);
        }
    }

    private static ScoreRow FromJsonElement(JsonElement row, long index, RowLocation at)
    {
        if (row.ValueKind != JsonValueKind.Object)
            throw at.Error($"The row {at} is a JSON {row.ValueKind.ToString().ToLowerInvariant()}, not an object; write one object per row.", null);
        long target;
        long[] numbers;
        if (row.TryGetProperty("target", out var targetValue) || row.TryGetProperty("nums", out _))
        {
            if (targetValue.ValueKind == JsonValueKind.Undefined) throw at.Missing("target");
            if (!row.TryGetProperty("nums", out var numsValue)) throw at.Missing("nums");
            target = JsonInteger(targetValue, "target", at);
            numbers = JsonIntegers(numsValue, "nums", at);
        }
        else if (row.TryGetProperty("reward_model", out var rewardModel))
        {
            var truth = GroundTruth(rewardModel, at);
            if (!truth.TryGetProperty("target", out var truthTarget)) throw at.Missing("reward_model.ground_truth.target");
            if (!truth.TryGetProperty("numbers", out var truthNumbers)) throw at.Missing("reward_model.ground_truth.numbers");
            target = JsonInteger(truthTarget, "reward_model.ground_truth.target", at);
            numbers = JsonIntegers(truthNumbers, "reward_model.ground_truth.numbers", at);
        }
        else
        {
            throw at.Missing("target");
        }
        var field = row.TryGetProperty("response", out var output) ? "response" : "solution_str";
        if (output.ValueKind == JsonValueKind.Undefined && !row.TryGetProperty("solution_str", out output)) throw at.Missing("response");
        if (output.ValueKind != JsonValueKind.String) throw at.WrongType(field, output.GetRawText(), "a string");
        return new ScoreRow(index, target, numbers, output.GetString()!);
    }

    private static JsonElement GroundTruth(JsonElement rewardModel, RowLocation at)
    {
        if (rewardModel.ValueKind != JsonValueKind.Object || !rewardModel.TryGetProperty("ground_truth", out var truth))
            throw at.Missing("reward_model.ground_truth");
        if (truth.ValueKind == JsonValueKind.String)
        {
            // Some pipelines store the ground truth as a JSON string.
            try
            {
                truth = JsonDocument.Parse(truth.GetString()!).RootElement;
            }
            catch (JsonException)
            {
                throw at.WrongType("reward_model.ground_truth", truth.GetRawText(), "an object with target and numbers");
            }
        }
        if (truth.ValueKind != JsonValueKind.Object)
            throw at.WrongType("reward_model.ground_truth", truth.GetRawText(), "an object with target and numbers");
        return truth;
    }

    private static long JsonInteger(JsonElement value, string field, RowLocation at)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var integer)) return integer;
            if (value.TryGetDouble(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9.2e18) return (long)real;
        }
        throw at.WrongType(field, value.GetRawText(), "an integer");
    }

    private static long[] JsonIntegers(JsonElement value, string field, RowLocation at)
    {
        if (value.ValueKind != JsonValueKind.Array) throw at.WrongType(field, value.GetRawText(), "a list of integers");
        var numbers = new long[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number) throw at.WrongType(field, value.GetRawText(), "a list of integers");
            numbers[i++] = JsonInteger(item, field, at);
        }
        return numbers;
    }

    private static string Capitalized(string path) => path == StandardInput ? "Standard input" : $"'{path}'";
}
