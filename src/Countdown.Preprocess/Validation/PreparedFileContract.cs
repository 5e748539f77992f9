using Countdown.Preprocess.Inspection;

namespace Countdown.Preprocess.Validation;

/// <summary>The schema <c>prepare</c> writes, as pyarrow would print it: every field optional, lists with element <c>element</c>.</summary>
public static class PreparedFileContract
{
    private static readonly FieldType Int64 = PrimitiveFieldType.Int64;
    private static readonly FieldType String = PrimitiveFieldType.String;

    /// <summary>The columns in order; <c>extra_info</c> has two accepted shapes (with and without <c>solution</c>).</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<FieldType> Types)> Columns { get; } =
    [
        ("target", [Int64]),
        ("nums", [List(Int64)]),
        ("data_source", [String]),
        ("prompt", [List(Struct(("content", String), ("role", String)))]),
        ("ability", [String]),
        ("reward_model", [Struct(("ground_truth", Struct(("numbers", List(Int64)), ("target", Int64))), ("style", String))]),
        ("extra_info", [Struct(("index", Int64), ("split", String)), Struct(("index", Int64), ("solution", String), ("split", String))]),
    ];

    /// <summary>The key-value metadata key Hugging Face <c>datasets</c> reads the features from.</summary>
    public const string HuggingFaceMetadataKey = "huggingface";

    /// <summary>The split a file must hold by its name: <c>train</c> for <c>train.parquet</c> and its shards
    /// (<c>train-00000-of-00004.parquet</c>, or the set <c>train-*-of-00004.parquet</c>), <c>test</c> likewise, else none.</summary>
    public static string? SplitFromFileName(string path) => Path.GetFileName(path) switch
    {
        "train.parquet" => "train",
        "test.parquet" => "test",
        var name when IsShardOf(name, "train") => "train",
        var name when IsShardOf(name, "test") => "test",
        _ => null,
    };

    private static bool IsShardOf(string name, string split)
        => name.StartsWith(split + "-", StringComparison.Ordinal) && name.EndsWith(".parquet", StringComparison.Ordinal) && name.Contains("-of-", StringComparison.Ordinal);

    private static ListFieldType List(FieldType element) => new(new SchemaField("element", element, IsNullable: true));

    private static StructFieldType Struct(params (string Name, FieldType Type)[] fields)
        => new(fields.Select(f => new SchemaField(f.Name, f.Type, IsNullable: true)).ToArray());
}
