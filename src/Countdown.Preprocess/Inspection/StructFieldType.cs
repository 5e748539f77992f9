namespace Countdown.Preprocess.Inspection;

/// <summary>A struct type: <c>struct&lt;content: string, role: string&gt;</c>.</summary>
/// <param name="Fields">The fields in stored order.</param>
public sealed record StructFieldType(IReadOnlyList<SchemaField> Fields) : FieldType
{
    /// <inheritdoc/>
    public override string ToString() => $"struct<{string.Join(", ", Fields)}>";

    /// <inheritdoc/>
    public bool Equals(StructFieldType? other) => other is not null && Fields.SequenceEqual(other.Fields);

    /// <inheritdoc/>
    public override int GetHashCode() => Fields.Count;
}
