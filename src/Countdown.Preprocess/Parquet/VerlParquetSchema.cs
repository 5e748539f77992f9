using Parquet.Schema;

namespace Countdown.Preprocess.Parquet;

/// <summary>The veRL row schema as Hugging Face <c>datasets</c> writes it through pyarrow, and its leaf columns in write order.</summary>
/// <remarks>
/// Every node is optional, lists use the 3-level <c>list</c>/<c>element</c> layout, and struct members are in
/// alphabetical order, as <c>datasets</c> lays out TinyZero's rows.
/// </remarks>
internal sealed class VerlParquetSchema
{
    private VerlParquetSchema(bool includeSolution)
    {
        IncludeSolution = includeSolution;
        Solution = includeSolution ? Text("solution") : null;
        Field[] extraInfo = Solution is null ? [Index, Split] : [Index, Solution, Split];
        Schema = new ParquetSchema(
            Target,
            new ListField("nums", NumsElement),
            DataSource,
            new ListField("prompt", new StructField(ListField.ElementName, PromptContent, PromptRole)),
            Ability,
            new StructField("reward_model",
                new StructField("ground_truth", new ListField("numbers", NumbersElement), GroundTruthTarget),
                Style),
            new StructField("extra_info", extraInfo));
    }

    /// <summary>Gets whether the schema has <c>extra_info.solution</c>.</summary>
    public bool IncludeSolution { get; }

    /// <summary>Gets the Parquet.Net schema.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Gets <c>target</c>.</summary>
    public DataField Target { get; } = Int64("target");

    /// <summary>Gets <c>nums.list.element</c>.</summary>
    public DataField NumsElement { get; } = Int64(ListField.ElementName);

    /// <summary>Gets <c>data_source</c>.</summary>
    public DataField DataSource { get; } = Text("data_source");

    /// <summary>Gets <c>prompt.list.element.content</c>.</summary>
    public DataField PromptContent { get; } = Text("content");

    /// <summary>Gets <c>prompt.list.element.role</c>.</summary>
    public DataField PromptRole { get; } = Text("role");

    /// <summary>Gets <c>ability</c>.</summary>
    public DataField Ability { get; } = Text("ability");

    /// <summary>Gets <c>reward_model.ground_truth.numbers.list.element</c>.</summary>
    public DataField NumbersElement { get; } = Int64(ListField.ElementName);

    /// <summary>Gets <c>reward_model.ground_truth.target</c>.</summary>
    public DataField GroundTruthTarget { get; } = Int64("target");

    /// <summary>Gets <c>reward_model.style</c>.</summary>
    public DataField Style { get; } = Text("style");

    /// <summary>Gets <c>extra_info.index</c>.</summary>
    public DataField Index { get; } = Int64("index");

    /// <summary>Gets <c>extra_info.solution</c>, or null when the schema has no solution column.</summary>
    public DataField? Solution { get; }

    /// <summary>Gets <c>extra_info.split</c>.</summary>
    public DataField Split { get; } = Text("split");

    /// <summary>Gets the string columns with few distinct values, worth dictionary pages (pyarrow dictionary-encodes every column).</summary>
    public IEnumerable<DataField> DictionaryEncoded => [DataSource, PromptRole, Ability, Style, Split];

    /// <summary>Creates the schema for the given options; each write gets its own, as Parquet.Net binds fields to one schema.</summary>
    public static VerlParquetSchema Create(VerlParquetOptions options) => new(options.IncludeSolution);

    private static DataField<long> Int64(string name) => new(name, nullable: true);

    private static DataField<string> Text(string name) => new(name, nullable: true);
}
