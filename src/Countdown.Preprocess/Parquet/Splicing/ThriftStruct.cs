namespace Countdown.Preprocess.Parquet.Splicing;

/// <summary>A Thrift struct kept as it was read, field by field, so a few fields can be changed and the rest written back byte for byte.</summary>
/// <remarks>
/// Values are <see cref="long"/> (byte, i16, i32, i64), <see cref="double"/>, <see cref="T:byte[]"/> (binary),
/// <see cref="ThriftList"/> or <see cref="ThriftStruct"/>; a boolean field's value is its type. No schema is needed:
/// we only rewrite numbered fields whose meaning the Parquet format fixes.
/// </remarks>
internal sealed class ThriftStruct
{
    /// <summary>Gets the fields in the order they were read (and will be written).</summary>
    public List<ThriftField> Fields { get; } = [];

    /// <summary>Returns the field numbered <paramref name="id"/>, or null when the struct does not have it.</summary>
    public ThriftField? Find(short id)
    {
        foreach (var field in Fields)
        {
            if (field.Id == id) return field;
        }

        return null;
    }

    /// <summary>Returns the field numbered <paramref name="id"/>.</summary>
    /// <exception cref="InvalidDataException">The struct has no such field.</exception>
    public ThriftField Get(short id)
        => Find(id) ?? throw new InvalidDataException($"Thrift field '{id}' is missing from the Parquet footer.");
}
