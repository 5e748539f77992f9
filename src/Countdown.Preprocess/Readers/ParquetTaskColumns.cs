using Countdown.Preprocess.Tasks;
using Parquet.Schema;

namespace Countdown.Preprocess.Readers;

/// <summary>The <c>target</c> and <c>nums</c> leaf columns of a Parquet schema, and the definition levels that tell nulls apart.</summary>
/// <param name="Target">The flat integer column.</param>
/// <param name="NumsElement">The leaf of the integer list (<c>nums.list.element</c> or <c>nums.list.item</c>).</param>
/// <param name="NullElementLevel">The definition level of a null list element, or -1 when elements are required.</param>
/// <param name="EmptyListLevel">The definition level of an empty list; any lower level is a null list.</param>
internal sealed record ParquetTaskColumns(DataField Target, DataField NumsElement, int NullElementLevel, int EmptyListLevel)
{
    /// <summary>Finds the columns by name among the top-level fields; their order and any other fields do not matter.</summary>
    /// <exception cref="InputFileException">A column is missing or is not of an integer type.</exception>
    public static ParquetTaskColumns Resolve(ParquetSchema schema, string sourcePath)
    {
        Field target = Find(schema, TaskRecordValidator.Target, sourcePath);
        Field nums = Find(schema, TaskRecordValidator.Nums, sourcePath);
        if (target is not DataField { MaxRepetitionLevel: 0 } targetField || !IsInteger(targetField))
            throw WrongType(sourcePath, TaskRecordValidator.Target, target, "an int64 (or int32) column");
        DataField? element = nums switch
        {
            ListField { Item: DataField { MaxRepetitionLevel: 1 } item } => item,
            DataField { MaxRepetitionLevel: 1 } repeated => repeated, // a legacy bare "repeated int64 nums"
            _ => null,
        };
        if (element is null || !IsInteger(element))
            throw WrongType(sourcePath, TaskRecordValidator.Nums, nums, "a list<int64> (or list<int32>) column");

        // A list adds one level for the repeated group and, when elements are optional, one for a non-null element.
        int full = element.MaxDefinitionLevel;
        int nullElement = element.IsNullable ? full - 1 : -1;
        int emptyList = (element.IsNullable ? full - 1 : full) - 1;
        return new ParquetTaskColumns(targetField, element, nullElement, emptyList);
    }

    private static bool IsInteger(DataField field) => field.ClrType == typeof(long) || field.ClrType == typeof(int);

    private static Field Find(ParquetSchema schema, string name, string sourcePath)
    {
        Field? field = schema.Fields.FirstOrDefault(f => f.Name == name);
        if (field is not null)
            return field;
        string names = string.Join(", ", schema.Fields.Select(f => $"'{f.Name}'"));
        throw new InputFileException(
            $"{InputFiles.DescribeAtStart(sourcePath)} has no '{name}' column (its columns are {names}); the input needs an integer column target and an integer-list column nums.",
            sourcePath);
    }

    private static InputFileException WrongType(string sourcePath, string name, Field field, string expected)
    {
        string found = field switch
        {
            DataField { MaxRepetitionLevel: 0 } data => data.ClrType.Name,
            DataField data => $"repeated {data.ClrType.Name}",
            ListField { Item: DataField item } => $"list<{item.ClrType.Name}>",
            _ => field.SchemaType.ToString(),
        };
        return new InputFileException(
            $"Column '{name}' of {InputFiles.Describe(sourcePath)} is of type '{found}'; it must be {expected}.",
            sourcePath);
    }
}
