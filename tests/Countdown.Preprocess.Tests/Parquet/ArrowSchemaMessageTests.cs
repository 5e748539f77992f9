using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Parquet;

/// <summary>The <c>ARROW:schema</c> metadata, serialised by Apache.Arrow, carries the schema the tool has always written.</summary>
public sealed class ArrowSchemaMessageTests : IDisposable
{
    private readonly ParquetWriterTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false, "verl.b64")]
    [InlineData(true, "verl-with-solution.b64")]
    public void Base64_VerlColumns_DecodesToTheSchemaOfTheOldHandWrittenMessage(bool includeSolution, string captured)
    {
        // Captured from samples/prepared/{base,chat}/train.parquet when a hand-written FlatBuffers builder made them (2,048 and 2,168 bytes).
        var old = Convert.FromBase64String(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "arrow-schema", captured)).Trim());

        var actual = Convert.FromBase64String(ArrowSchemaMessage.Base64(includeSolution, Metadata(includeSolution)));

        Assert.Equal(Describe(Decode(old)), Describe(Decode(actual)));
        Assert.Equal(includeSolution, Describe(Decode(actual)).Contains("  solution: String nullable=True", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Base64_VerlColumns_IsOneSchemaMessageWithoutEndOfStream(bool includeSolution)
    {
        var bytes = Convert.FromBase64String(ArrowSchemaMessage.Base64(includeSolution, Metadata(includeSolution)));

        Assert.Equal(0xFFFFFFFF, BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        int length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        Assert.Equal(0, length % 8);
        Assert.Equal(8 + length, bytes.Length);
        Assert.NotEqual(0, length);
    }

    [Fact]
    public void Base64_CalledTwice_GivesIdenticalBytes()
    {
        var first = ArrowSchemaMessage.Base64(includeSolution: true, Metadata(true));
        var second = ArrowSchemaMessage.Base64(includeSolution: true, Metadata(true));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task WriteAsync_PreparedFile_ArrowCppRestoresTheSchemaFromTheMessage()
    {
        var (path, _) = await _files.WriteAsync([ParquetWriterTestFiles.Row(28, [95, 11, 56], PromptTemplates.Base)]);

        using var reader = new ParquetSharp.Arrow.FileReader(path);

        // Arrow C++ fails to open a file whose ARROW:schema does not decode, and removes the key once it has applied it.
        Assert.DoesNotContain("ARROW:schema", reader.Schema.Metadata.Keys);
        Assert.Equal(HuggingFaceFeatures.Json(false), reader.Schema.Metadata["huggingface"]);
        Assert.All(reader.Schema.FieldsList, field => Assert.True(field.IsNullable));
        Assert.Equal(["target", "nums", "data_source", "prompt", "ability", "reward_model", "extra_info"], reader.Schema.FieldsList.Select(f => f.Name));
    }

    private static KeyValuePair<string, string>[] Metadata(bool includeSolution)
        => [new(HuggingFaceFeatures.Key, HuggingFaceFeatures.Json(includeSolution))];

    private static Schema Decode(byte[] message)
    {
        using var reader = new ArrowStreamReader(new MemoryStream(message));
        return reader.Schema;
    }

    /// <summary>Every name, type, nullability, child, and metadata entry of the schema and its fields, one per line.</summary>
    private static string Describe(Schema schema)
    {
        var lines = new List<string>();
        foreach (var field in schema.FieldsList)
        {
            DescribeField(lines, field, "");
        }

        lines.AddRange(schema.Metadata.Select(kv => $"schema metadata {kv.Key} = {kv.Value}"));
        return string.Join("\n", lines);
    }

    private static void DescribeField(List<string> lines, Field field, string indent)
    {
        var type = field.DataType;
        var width = type is Int64Type i ? $" {i.BitWidth} signed={i.IsSigned}" : "";
        lines.Add($"{indent}{field.Name}: {type.TypeId}{width} nullable={field.IsNullable}");
        lines.AddRange((field.Metadata ?? new Dictionary<string, string>()).Select(kv => $"{indent}  metadata {kv.Key} = {kv.Value}"));
        IEnumerable<Field> children = type switch
        {
            ListType list => [list.ValueField],
            StructType st => st.Fields,
            _ => [],
        };
        foreach (var child in children)
        {
            DescribeField(lines, child, indent + "  ");
        }
    }
}
