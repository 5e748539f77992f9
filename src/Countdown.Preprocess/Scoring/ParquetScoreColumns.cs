using Countdown.Preprocess.Tasks;
using Parquet;
using Parquet.Schema;

namespace Countdown.Preprocess.Scoring;

/// <summary>The leaf columns a Parquet file of rows to score is read from, found by path.</summary>
internal sealed class ParquetScoreColumns
{
    private readonly string _path;
    private readonly DataField _target;
    private readonly DataField _numbers;
    private readonly DataField _output;
    private readonly string _targetName;
    private readonly string _numbersName;

    private ParquetScoreColumns(string path, DataField target, DataField numbers, DataField output, bool nested)
    {
        _path = path;
        _target = target;
        _numbers = numbers;
        _output = output;
        _targetName = nested ? "reward_model.ground_truth.target" : "target";
        _numbersName = nested ? "reward_model.ground_truth.numbers" : "nums";
    }

    /// <summary>Finds <c>target</c> and <c>nums</c> (or <c>reward_model.ground_truth.target</c> and <c>.numbers</c>) and
    /// <c>response</c> (or <c>solution_str</c>).</summary>
    public static ParquetScoreColumns Resolve(ParquetSchema schema, string path)
    {
        var fields = schema.GetDataFields();
        DataField? Find(Func<IReadOnlyList<string>, bool> match, int repetition)
            => fields.FirstOrDefault(f => f.MaxRepetitionLevel == repetition && match(f.Path.ToList()));
        var target = Find(p => p is ["target"], 0);
        var numbers = Find(p => p.Count >= 2 && p[0] == "nums", 1);
        var nested = target is null && numbers is null;
        if (nested)
        {
            target = Find(p => p is ["reward_model", "ground_truth", "target"], 0);
            numbers = Find(p => p.Count >= 4 && p[0] == "reward_model" && p[1] == "ground_truth" && p[2] == "numbers", 1);
        }
        var output = Find(p => p is ["response"], 0) ?? Find(p => p is ["solution_str"], 0);
        var names = string.Join(", ", schema.Fields.Select(f => $"'{MessageText.Quote(f.Name)}'"));
        if (target is null || numbers is null || output is null)
            throw new InputFileException(
                $"'{path}' lacks a column to score (its columns are {names}); it needs target and nums (or reward_model.ground_truth) and response (or solution_str).", path);
        foreach (var (field, expected) in new[] { (target, "integer"), (numbers, "integer"), (output, "string") })
        {
            var fits = expected == "string" ? field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>) : field.ClrType == typeof(long) || field.ClrType == typeof(int);
            if (!fits)
                throw new InputFileException($"Column '{field.Path}' of '{path}' holds {(field.ClrType == typeof(ReadOnlyMemory<byte>) ? "binary" : field.ClrType.Name)} values, not {expected}s; write it as {(expected == "string" ? "a string column" : "int64")}.", path);
        }
        return new ParquetScoreColumns(path, target, numbers, output, nested);
    }

    /// <summary>Reads the rows of one row group.</summary>
    public async Task<List<ScoreRow>> ReadAsync(ParquetRowGroupReader rowGroup, long firstRow, CancellationToken cancellationToken)
    {
        var rows = checked((int)rowGroup.RowCount);
        var target = await ReadIntegersAsync(rowGroup, _target, cancellationToken);
        var numbers = await ReadIntegersAsync(rowGroup, _numbers, cancellationToken);
        var output = await ReadStringsAsync(rowGroup, _output, cancellationToken);

        var result = new List<ScoreRow>(rows);
        int targetValue = 0, numbersLevel = 0, numbersValue = 0, outputValue = 0;
        var full = _numbers.MaxDefinitionLevel;
        var nullElement = _numbers.IsNullable ? full - 1 : -1;
        var emptyList = (_numbers.IsNullable ? full - 1 : full) - 1;
        var list = new List<long>();
        for (var row = 0; row < rows; row++)
        {
            var at = new RowLocation(_path, null, firstRow + row);
            if (target.Definitions is { } td && td[row] < _target.MaxDefinitionLevel) throw at.WrongType(_targetName, "null", "an integer");
            var rowTarget = target.Values[targetValue++];

            list.Clear();
            var nullList = false;
            do
            {
                if (numbersLevel >= numbers.Count) throw Corrupt(at, _numbersName);
                var level = numbers.Definitions?[numbersLevel] ?? full;
                if (level == full) list.Add(numbers.Values[numbersValue++]);
                else if (level == nullElement) throw at.WrongType(_numbersName, "a list with a null", "a list of integers");
                else if (level < emptyList) nullList = true;
                numbersLevel++;
            }
            while (numbersLevel < numbers.Count && numbers.Repetitions![numbersLevel] != 0);
            if (nullList) throw at.WrongType(_numbersName, "null", "a list of integers");

            if (output.Definitions is { } od && od[row] < _output.MaxDefinitionLevel) throw at.WrongType(_output.Name, "null", "a string");
            result.Add(new ScoreRow(firstRow + row, rowTarget, list.ToArray(), output.Values[outputValue++]));
        }
        return result;
    }

    private sealed record Column<T>(T[] Values, int[]? Definitions, int[]? Repetitions, int Count);

    private async Task<Column<long>> ReadIntegersAsync(ParquetRowGroupReader rowGroup, DataField field, CancellationToken cancellationToken)
    {
        var count = LevelCount(rowGroup, field);
        var definitions = field.MaxDefinitionLevel > 0 ? new int[count] : null;
        var repetitions = field.MaxRepetitionLevel > 0 ? new int[count] : null;
        var values = new long[count];
        try
        {
            if (field.ClrType == typeof(long))
            {
                await rowGroup.ReadRawAsync(field, values.AsMemory(), Levels(definitions), Levels(repetitions), cancellationToken);
            }
            else
            {
                var narrow = new int[count];
                await rowGroup.ReadRawAsync(field, narrow.AsMemory(), Levels(definitions), Levels(repetitions), cancellationToken);
                for (var i = 0; i < count; i++) values[i] = narrow[i];
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new InputFileException($"Column '{field.Path}' of '{_path}' cannot be decoded ({ScoreRowReader.Clause(error.Message)}); write the file again.", _path, error);
        }
        return new Column<long>(values, definitions, repetitions, count);
    }

    private async Task<Column<string>> ReadStringsAsync(ParquetRowGroupReader rowGroup, DataField field, CancellationToken cancellationToken)
    {
        var count = LevelCount(rowGroup, field);
        var definitions = field.MaxDefinitionLevel > 0 ? new int[count] : null;
        var raw = new ReadOnlyMemory<char>[count];
        try
        {
            await rowGroup.ReadRawAsync(field, raw.AsMemory(), Levels(definitions), null, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new InputFileException($"Column '{field.Path}' of '{_path}' cannot be decoded ({ScoreRowReader.Clause(error.Message)}); write the file again.", _path, error);
        }
        var values = new string[count];
        for (var i = 0; i < count; i++) values[i] = raw[i].ToString();
        return new Column<string>(values, definitions, null, count);
    }

    // A bare null would convert through int[] into an empty, non-null Memory: pass levels explicitly.
    private static Memory<int>? Levels(int[]? levels) => levels is null ? default(Memory<int>?) : levels.AsMemory();

    private int LevelCount(ParquetRowGroupReader rowGroup, DataField field)
    {
        var declared = rowGroup.GetMetadata(field)?.MetaData?.NumValues;
        if (declared is not (>= 0 and <= int.MaxValue))
            throw new InputFileException($"Column '{field.Path}' of '{_path}' has no readable chunk; write the file again.", _path);
        return (int)declared.Value;
    }

    private InputFileException Corrupt(RowLocation at, string column)
        => new($"Column '{column}' of '{_path}' ends before {at.ToString().Replace("in ", "", StringComparison.Ordinal)}; write the file again.", _path);
}
