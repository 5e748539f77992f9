using System.Text;
using Apache.Arrow;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>Writes veRL Parquet files into a temporary folder and reads them back with ParquetSharp (Arrow C++).</summary>
internal sealed class ParquetWriterTestFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("countdown-writer-").FullName;
    private int _files;

    /// <summary>A row as TinyZero makes it, prompt rendered by <paramref name="template"/>.</summary>
    public static PreparedRow Row(long target, long[] nums, PromptTemplate template, string split = "train", long index = 0, string? solution = null)
    {
        var task = new CountdownTask(target, nums);
        return new PreparedRow(task, template.Render(task), split, index, solution);
    }

    /// <summary>Writes the rows to a new file and returns its path and the count the writer reported.</summary>
    public async Task<(string Path, long Written)> WriteAsync(IEnumerable<PreparedRow> rows, VerlParquetOptions? options = null)
    {
        var path = System.IO.Path.Combine(_folder, $"out-{++_files}.parquet");
        await using var stream = File.Create(path);
        long written = await VerlParquetWriter.WriteAsync(stream, rows, options ?? VerlParquetOptions.Default);
        return (path, written);
    }

    /// <summary>Reads every row through Arrow C++ and prints it as compact JSON, fields in file order.</summary>
    public static async Task<List<string>> ReadRowsAsJsonAsync(string path)
    {
        using var reader = new ParquetSharp.Arrow.FileReader(path);
        using var batches = reader.GetRecordBatchReader();
        var rows = new List<string>();
        while (await batches.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                for (int i = 0; i < batch.Length; i++)
                {
                    var row = new StringBuilder("{");
                    for (int c = 0; c < batch.ColumnCount; c++)
                    {
                        row.Append(c == 0 ? "" : ",").Append('"').Append(batch.Schema.FieldsList[c].Name).Append("\":");
                        AppendJson(row, batch.Column(c), i);
                    }

                    rows.Add(row.Append('}').ToString());
                }
            }
        }

        return rows;
    }

    /// <summary>Prints an Arrow schema one field per line, as pyarrow prints it (<c>not null</c> marks required fields).</summary>
    public static string ArrowSchemaText(Apache.Arrow.Schema schema)
        => string.Join("\n", schema.FieldsList.Select(FieldText));

    /// <summary>Prints a Parquet schema tree like parquet-cpp's schema printer, without field ids.</summary>
    public static string ParquetSchemaText(string path)
    {
        using var reader = new ParquetFileReader(path);
        var text = new StringBuilder("message schema {\n");
        foreach (var node in reader.FileMetaData.Schema.GroupNode.Fields)
        {
            AppendNode(text, node, "  ");
        }

        return text.Append('}').ToString();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string FieldText(Field field)
        => $"{field.Name}: {TypeText(field.DataType)}{(field.IsNullable ? "" : " not null")}";

    private static string TypeText(Apache.Arrow.Types.IArrowType type) => type switch
    {
        Apache.Arrow.Types.ListType list => $"list<{FieldText(list.ValueField)}>",
        Apache.Arrow.Types.StructType st => $"struct<{string.Join(", ", st.Fields.Select(FieldText))}>",
        Apache.Arrow.Types.StringType => "string",
        Apache.Arrow.Types.Int64Type => "int64",
        _ => type.Name,
    };

    private static void AppendNode(StringBuilder text, Node node, string indent)
    {
        var repetition = node.Repetition.ToString().ToLowerInvariant();
        var logical = node.LogicalType.Type == LogicalTypeEnum.None ? "" : $" ({node.LogicalType})";
        if (node is GroupNode group)
        {
            text.Append($"{indent}{repetition} group {node.Name}{logical} {{\n");
            foreach (var child in group.Fields)
            {
                AppendNode(text, child, indent + "  ");
            }

            text.Append($"{indent}}}\n");
        }
        else
        {
            var physical = ((PrimitiveNode)node).PhysicalType switch
            {
                PhysicalType.ByteArray => "binary",
                var other => other.ToString().ToLowerInvariant(),
            };
            text.Append($"{indent}{repetition} {physical} {node.Name}{logical};\n");
        }
    }

    private static void AppendJson(StringBuilder json, IArrowArray array, int index)
    {
        if (array.IsNull(index))
        {
            json.Append("null");
            return;
        }

        switch (array)
        {
            case Int64Array ints:
                json.Append(ints.GetValue(index));
                break;
            case StringArray strings:
                json.Append(System.Text.Json.JsonSerializer.Serialize(strings.GetString(index)));
                break;
            case ListArray list:
                json.Append('[');
                var items = list.GetSlicedValues(index);
                for (int i = 0; i < items.Length; i++)
                {
                    json.Append(i == 0 ? "" : ",");
                    AppendJson(json, items, i);
                }

                json.Append(']');
                break;
            case StructArray structs:
                var fields = ((Apache.Arrow.Types.StructType)structs.Data.DataType).Fields;
                json.Append('{');
                for (int f = 0; f < fields.Count; f++)
                {
                    json.Append(f == 0 ? "" : ",").Append('"').Append(fields[f].Name).Append("\":");
                    AppendJson(json, structs.Fields[f], index);
                }

                json.Append('}');
                break;
            default:
                throw new NotSupportedException($"Arrow type '{array.Data.DataType.Name}' has no JSON form in this test helper.");
        }
    }
}
