using Parquet.Meta;
using PhysicalType = Parquet.Meta.Type;

namespace Countdown.Preprocess.Inspection;

/// <summary>Names Parquet schema nodes with the Arrow types pyarrow reads them as.</summary>
internal static class ParquetTypes
{
    /// <summary>The field a schema node reads as; a repeated node outside a list is a required list of required elements.</summary>
    public static SchemaField Describe(ParquetSchemaNode node)
    {
        var content = new SchemaField(node.Name, ContentType(node), node.Repetition == FieldRepetitionType.OPTIONAL);
        return node.Repetition == FieldRepetitionType.REPEATED
            ? new SchemaField(node.Name, new ListFieldType(content with { IsNullable = false }), IsNullable: false)
            : content;
    }

    private static FieldType ContentType(ParquetSchemaNode node)
    {
        switch (node.Kind)
        {
            case ParquetNodeKind.Primitive:
                return new PrimitiveFieldType(LeafTypeName(node.Element));
            case ParquetNodeKind.List:
                var repeated = node.Children[0];
                var element = node.ElementIsRepeatedNode
                    ? new SchemaField(repeated.Name, ContentType(repeated), IsNullable: false)
                    : Describe(repeated.Children[0]);
                return new ListFieldType(element);
            case ParquetNodeKind.Map:
                var entry = node.Children[0];
                return new MapFieldType(Describe(entry.Children[0]), Describe(entry.Children[1]));
            default:
                return new StructFieldType(node.Children.Select(Describe).ToArray());
        }
    }

    /// <summary>The Arrow name of a leaf: its physical type refined by its logical (or legacy converted) type.</summary>
    public static string LeafTypeName(SchemaElement e)
    {
        var logical = e.LogicalType;
        if (logical?.DECIMAL is { } d) return $"decimal128({d.Precision}, {d.Scale})";
        if (e.ConvertedType == ConvertedType.DECIMAL) return $"decimal128({e.Precision}, {e.Scale})";
        if (logical?.UNKNOWN is not null) return "null";
        if (logical?.INTEGER is { } i) return $"{(i.IsSigned ? "int" : "uint")}{i.BitWidth}";
        if (logical?.TIMESTAMP is { } ts) return $"timestamp[{Unit(ts.Unit)}{(ts.IsAdjustedToUTC ? ", tz=UTC" : "")}]";
        if (logical?.TIME is { } t) return $"{(t.Unit.MILLIS is not null ? "time32" : "time64")}[{Unit(t.Unit)}]";
        if (logical?.DATE is not null || e.ConvertedType == ConvertedType.DATE) return "date32[day]";
        if (logical?.FLOAT16 is not null) return "halffloat";
        if (logical?.UUID is not null) return "uuid";
        if (logical?.STRING is not null || logical?.ENUM is not null || logical?.JSON is not null) return "string";
        switch (e.ConvertedType)
        {
            case ConvertedType.UTF8 or ConvertedType.ENUM or ConvertedType.JSON: return "string";
            case ConvertedType.INT_8: return "int8";
            case ConvertedType.INT_16: return "int16";
            case ConvertedType.INT_32: return "int32";
            case ConvertedType.INT_64: return "int64";
            case ConvertedType.UINT_8: return "uint8";
            case ConvertedType.UINT_16: return "uint16";
            case ConvertedType.UINT_32: return "uint32";
            case ConvertedType.UINT_64: return "uint64";
            case ConvertedType.TIMESTAMP_MILLIS: return "timestamp[ms]";
            case ConvertedType.TIMESTAMP_MICROS: return "timestamp[us]";
            case ConvertedType.TIME_MILLIS: return "time32[ms]";
            case ConvertedType.TIME_MICROS: return "time64[us]";
        }
        return e.Type switch
        {
            PhysicalType.BOOLEAN => "bool",
            PhysicalType.INT32 => "int32",
            PhysicalType.INT64 => "int64",
            PhysicalType.INT96 => "timestamp[ns]",
            PhysicalType.FLOAT => "float",
            PhysicalType.DOUBLE => "double",
            PhysicalType.FIXED_LEN_BYTE_ARRAY => $"fixed_size_binary[{e.TypeLength}]",
            _ => "binary",
        };
    }

    private static string Unit(TimeUnit unit) => unit.MILLIS is not null ? "ms" : unit.MICROS is not null ? "us" : "ns";
}
