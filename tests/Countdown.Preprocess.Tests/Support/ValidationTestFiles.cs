using System.Text.Json;
using Apache.Arrow;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using static Countdown.Preprocess.Tests.Support.InspectionTestFiles;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>One row of a prepared file as the test writes it; every part may be null or wrong on purpose.</summary>
internal sealed record PreparedTestRow(
    long? Target,
    IReadOnlyList<long?>? Nums,
    string? DataSource,
    IReadOnlyList<ChatMessage>? Prompt,
    string? Ability,
    IReadOnlyList<long?>? TruthNumbers,
    long? TruthTarget,
    string? Style,
    long? Index,
    string? Split,
    string? Solution = null);

/// <summary>How the test lays a prepared file out: which columns in which order, and deliberate schema defects.</summary>
internal sealed record PreparedTestLayout
{
    public static readonly IReadOnlyList<string> ContractColumns = ["target", "nums", "data_source", "prompt", "ability", "reward_model", "extra_info"];

    public IReadOnlyList<string> Columns { get; init; } = ContractColumns;

    public bool TargetAsInt32 { get; init; }

    public bool WithSolution { get; init; }

    public bool WithHuggingFaceMetadata { get; init; } = true;

    public long RowGroupSize { get; init; } = 1024 * 1024;
}

/// <summary>Writes prepared files independently of the library, with ParquetSharp's Arrow writer (Apache Arrow C++), as pyarrow does.</summary>
internal static class ValidationTestFiles
{
    /// <summary>Five tasks; the fourth repeats the first with its numbers reordered (a train/test leak when split 3/2).</summary>
    public static IReadOnlyList<CountdownTask> Tasks { get; } =
    [
        new(28, [95, 11, 56]),
        new(64, [7, 8, 1, 9]),
        new(98, [44, 19, 35]),
        new(28, [56, 95, 11]),
        new(12, [3, 4, 1, 2]),
    ];

    public static List<PreparedTestRow> Rows(IEnumerable<CountdownTask> tasks, string split, TextTemplate template, bool withSolution = false)
        => tasks.Select((task, i) => new PreparedTestRow(
            task.Target, task.Nums.Select(n => (long?)n).ToArray(), "countdown", template.Render(task), "math",
            task.Nums.Select(n => (long?)n).ToArray(), task.Target, "rule", i, split, withSolution ? $"solution {i}" : null)).ToList();

    public static void Write(string path, IReadOnlyList<PreparedTestRow> rows, PreparedTestLayout? layout = null)
    {
        layout ??= new PreparedTestLayout();
        var columns = layout.Columns.Select(name => (name, Column(name, rows, layout), true)).ToArray();
        var metadata = new Dictionary<string, string>();
        if (layout.WithHuggingFaceMetadata) metadata["huggingface"] = HuggingFaceMetadata(layout.Columns);
        WriteParquet(path, columns, metadata, layout.RowGroupSize);
    }

    private static IArrowArray Column(string name, IReadOnlyList<PreparedTestRow> rows, PreparedTestLayout layout)
    {
        return name switch
        {
            "target" when layout.TargetAsInt32 => Int32s(rows.Select(r => (int?)r.Target)),
            "target" => Int64s(rows.Select(r => r.Target)),
            "nums" => Int64Lists(rows.Select(r => r.Nums)),
            "data_source" => Strings(rows.Select(r => r.DataSource)),
            "prompt" => Prompts(rows.Select(r => r.Prompt)),
            "ability" => Strings(rows.Select(r => r.Ability)),
            "reward_model" => Struct(rows.Count,
                ("ground_truth", (IArrowArray)Struct(rows.Count, ("numbers", (IArrowArray)Int64Lists(rows.Select(r => r.TruthNumbers))), ("target", Int64s(rows.Select(r => r.TruthTarget))))),
                ("style", Strings(rows.Select(r => r.Style)))),
            "extra_info" => layout.WithSolution
                ? Struct(rows.Count, ("index", (IArrowArray)Int64s(rows.Select(r => r.Index))), ("solution", Strings(rows.Select(r => r.Solution))), ("split", Strings(rows.Select(r => r.Split))))
                : Struct(rows.Count, ("index", (IArrowArray)Int64s(rows.Select(r => r.Index))), ("split", Strings(rows.Select(r => r.Split)))),
            "extra_column" => Strings(rows.Select(_ => "surprise")),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown column"),
        };
    }

    private static string HuggingFaceMetadata(IEnumerable<string> columns)
    {
        static object Value(string dtype) => new Dictionary<string, string> { ["dtype"] = dtype, ["_type"] = "Value" };
        var int64List = new Dictionary<string, object> { ["feature"] = Value("int64"), ["_type"] = "Sequence" };
        var features = columns.ToDictionary(c => c, c => c switch
        {
            "target" => Value("int64"),
            "nums" => int64List,
            "prompt" => new object[] { new Dictionary<string, object> { ["content"] = Value("string"), ["role"] = Value("string") } },
            "reward_model" => new Dictionary<string, object>
            {
                ["ground_truth"] = new Dictionary<string, object> { ["numbers"] = int64List, ["target"] = Value("int64") },
                ["style"] = Value("string"),
            },
            "extra_info" => new Dictionary<string, object> { ["index"] = Value("int64"), ["split"] = Value("string") },
            _ => Value("string"),
        });
        return JsonSerializer.Serialize(new { info = new { features } });
    }

    private static ListArray Int64Lists(IEnumerable<IReadOnlyList<long?>?> lists)
    {
        var items = lists.ToArray();
        return List(items.Select(l => l?.Count), Int64s(items.Where(l => l is not null).SelectMany(l => l!)));
    }

    private static ListArray Prompts(IEnumerable<IReadOnlyList<ChatMessage>?> prompts)
    {
        var items = prompts.ToArray();
        var messages = items.Where(p => p is not null).SelectMany(p => p!).ToArray();
        var element = Struct(messages.Length,
            ("content", (IArrowArray)Strings(messages.Select(m => m.Content))),
            ("role", Strings(messages.Select(m => m.Role))));
        return List(items.Select(p => p?.Count), element);
    }
}
