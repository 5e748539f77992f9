using Parquet;
using Parquet.Schema;

namespace Countdown.Preprocess.Validation;

/// <summary>
/// One row group of a prepared file as flat columns, for the fast path of <see cref="PreparedFileValidator"/>:
/// values by column, list rows by start offsets, no per-row objects.
/// </summary>
/// <remarks>
/// Only for files whose schema is exactly the contract's. <see cref="IsRegular"/> is false when any value or list is
/// null or any list is empty; the validator then checks that row group through the generic reader instead.
/// </remarks>
internal sealed class PreparedColumns
{
    private static readonly string[] LeafPaths =
    [
        "target", "nums.list.element", "data_source", "prompt.list.element.content", "prompt.list.element.role", "ability",
        "reward_model.ground_truth.numbers.list.element", "reward_model.ground_truth.target", "reward_model.style",
        "extra_info.index", "extra_info.solution", "extra_info.split",
    ];

    private readonly DataField?[] _fields;
    private bool _regular;

    private PreparedColumns(DataField?[] fields) => _fields = fields;

    public int Rows { get; private set; }

    public bool IsRegular { get; private set; }

    public long[] Target { get; private set; } = [];
    public long[] Nums { get; private set; } = [];
    public int[] NumsStart { get; private set; } = [];
    public ReadOnlyMemory<char>[] DataSource { get; private set; } = [];
    public ReadOnlyMemory<char>[] Content { get; private set; } = [];
    public ReadOnlyMemory<char>[] Role { get; private set; } = [];
    public int[] PromptStart { get; private set; } = [];
    public ReadOnlyMemory<char>[] Ability { get; private set; } = [];
    public long[] TruthNumbers { get; private set; } = [];
    public int[] TruthStart { get; private set; } = [];
    public long[] TruthTarget { get; private set; } = [];
    public ReadOnlyMemory<char>[] Style { get; private set; } = [];
    public long[] Index { get; private set; } = [];
    public ReadOnlyMemory<char>[]? Solution { get; private set; }
    public ReadOnlyMemory<char>[] Split { get; private set; } = [];

    /// <summary>Maps the contract's leaves to the file's fields; null when a leaf is missing or of another physical type.</summary>
    public static PreparedColumns? For(ParquetSchema schema)
    {
        var byPath = schema.GetDataFields().ToDictionary(f => string.Join('.', f.Path.ToList()));
        var fields = new DataField?[LeafPaths.Length];
        for (var i = 0; i < LeafPaths.Length; i++)
        {
            if (!byPath.TryGetValue(LeafPaths[i], out var field))
            {
                if (LeafPaths[i] == "extra_info.solution") continue;
                return null;
            }
            var isText = LeafPaths[i] is "data_source" or "ability" or "reward_model.style" or "extra_info.solution" or "extra_info.split" || LeafPaths[i].EndsWith("content", StringComparison.Ordinal) || LeafPaths[i].EndsWith("role", StringComparison.Ordinal);
            var fits = isText ? field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>) : field.ClrType == typeof(long);
            if (!fits) return null;
            fields[i] = field;
        }
        return byPath.Count == fields.Count(f => f is not null) ? new PreparedColumns(fields) : null;
    }

    /// <summary>Reads one row group's columns (whole column chunks, as Parquet.Net reads them).</summary>
    public async Task ReadAsync(ParquetRowGroupReader group, CancellationToken cancellationToken)
    {
        Rows = checked((int)group.RowCount);
        _regular = true;
        Target = Flat(await ReadAsync<long>(group, _fields[0]!, cancellationToken));
        var nums = Full(await ReadAsync<long>(group, _fields[1]!, cancellationToken));
        DataSource = Flat(await ReadAsync<ReadOnlyMemory<char>>(group, _fields[2]!, cancellationToken));
        var content = Full(await ReadAsync<ReadOnlyMemory<char>>(group, _fields[3]!, cancellationToken));
        var role = Full(await ReadAsync<ReadOnlyMemory<char>>(group, _fields[4]!, cancellationToken));
        Ability = Flat(await ReadAsync<ReadOnlyMemory<char>>(group, _fields[5]!, cancellationToken));
        var truth = Full(await ReadAsync<long>(group, _fields[6]!, cancellationToken));
        TruthTarget = Flat(await ReadAsync<long>(group, _fields[7]!, cancellationToken));
        Style = Flat(await ReadAsync<ReadOnlyMemory<char>>(group, _fields[8]!, cancellationToken));
        Index = Flat(await ReadAsync<long>(group, _fields[9]!, cancellationToken));
        Solution = _fields[10] is { } solution ? Flat(await ReadAsync<ReadOnlyMemory<char>>(group, solution, cancellationToken)) : null;
        Split = Flat(await ReadAsync<ReadOnlyMemory<char>>(group, _fields[11]!, cancellationToken));

        (Nums, NumsStart) = (nums.Values, RowStarts(nums));
        (Content, Role, PromptStart) = (content.Values, role.Values, RowStarts(content));
        _regular &= role.Repetitions.AsSpan().SequenceEqual(content.Repetitions);
        (TruthNumbers, TruthStart) = (truth.Values, RowStarts(truth));
        IsRegular = _regular;
    }

    // Regular: every level entry holds a value (no null at any depth, no empty list).
    private Leaf<T> Full<T>(Leaf<T> leaf)
    {
        _regular &= leaf.Definitions.AsSpan().IndexOfAnyExcept(leaf.MaxDefinition) < 0;
        return leaf;
    }

    // A flat column has one value a row.
    private T[] Flat<T>(Leaf<T> leaf)
    {
        _regular &= leaf.Values.Length == Rows;
        return Full(leaf).Values;
    }

    private int[] RowStarts<T>(Leaf<T> leaf)
    {
        var starts = new int[Rows + 1];
        var row = 0;
        var repetitions = leaf.Repetitions ?? [];
        for (var i = 0; i < repetitions.Length; i++)
        {
            if (repetitions[i] != 0) continue;
            if (row == Rows)
            {
                _regular = false;
                return starts;
            }
            starts[row++] = i;
        }
        _regular &= row == Rows;
        starts[Rows] = repetitions.Length;
        return starts;
    }

    private static async Task<Leaf<T>> ReadAsync<T>(ParquetRowGroupReader group, DataField field, CancellationToken cancellationToken)
        where T : struct
    {
        var declared = group.GetMetadata(field)?.MetaData?.NumValues;
        if (declared is not (>= 0 and <= int.MaxValue)) throw new InvalidDataException($"column '{field.Path}' has no readable chunk");
        var count = (int)declared.Value;
        var values = new T[count];
        var definitions = new int[count];
        var repetitions = field.MaxRepetitionLevel > 0 ? new int[count] : null;
        if (count > 0)
        {
            await group.ReadRawAsync(field, values.AsMemory(), definitions.AsMemory(),
                repetitions is null ? default(Memory<int>?) : repetitions.AsMemory(), cancellationToken);
        }
        return new Leaf<T>(values, definitions, repetitions, field.MaxDefinitionLevel);
    }

    private sealed record Leaf<T>(T[] Values, int[] Definitions, int[]? Repetitions, int MaxDefinition);
}
