using System.IO.Compression;
using Countdown.Preprocess.Tasks;
using Parquet;
using Parquet.Schema;

namespace Countdown.Preprocess.Writers;

public static partial class RawTaskWriter
{
    /// <summary>Rows per Parquet row group.</summary>
    internal const int RowGroupSize = 100_000;

    /// <summary>The <c>huggingface</c> key-value metadata of the Hub's Countdown files, byte for byte.</summary>
    internal const string HuggingFaceMetadata =
        """{"info": {"features": {"target": {"dtype": "int64", "_type": "Value"}, "nums": {"feature": {"dtype": "int64", "_type": "Value"}, "_type": "Sequence"}}}}""";

    /// <summary>
    /// The <c>ARROW:schema</c> metadata pyarrow writes for this very layout (schema <c>target: int64, nums:
    /// list&lt;item: int64&gt;</c> with the <c>huggingface</c> metadata), copied from the Hub's file so Arrow readers
    /// restore the same types.
    /// </summary>
    internal const string ArrowSchemaMetadata =
        "/////7gBAAAQAAAAAAAKAA4ABgAFAAgACgAAAAABBAAQAAAAAAAKAAwAAAAEAAgACgAAANQAAAAEAAAAAQAAAAwAAAAIAAwABAAIAAgAAACoAAAABAAAAJgAAAB7ImluZm8iOiB7ImZlYXR1cmVzIjogeyJ0YXJnZXQiOiB7ImR0eXBlIjogImludDY0IiwgIl90eXBlIjogIlZhbHVlIn0sICJudW1zIjogeyJmZWF0dXJlIjogeyJkdHlwZSI6ICJpbnQ2NCIsICJfdHlwZSI6ICJWYWx1ZSJ9LCAiX3R5cGUiOiAiU2VxdWVuY2UifX19fQAAAAALAAAAaHVnZ2luZ2ZhY2UAAgAAAHgAAAAEAAAAoP///wAAAQwUAAAAIAAAAAQAAAABAAAAGAAAAAQAAABudW1zAAAAAAQABAAEAAAA0P///wAAAQIQAAAAGAAAAAQAAAAAAAAABAAAAGl0ZW0AAAAAwP///wAAAAFAAAAAEAAUAAgABgAHAAwAAAAQABAAAAAAAAECEAAAACAAAAAEAAAAAAAAAAYAAAB0YXJnZXQAAAgADAAIAAcACAAAAAAAAAFAAAAAAAAAAA==";

    private static async Task WriteParquetAsync(Stream stream, IAsyncEnumerable<IReadOnlyList<CountdownTask>> batches, CancellationToken cancellationToken)
    {
        var target = new DataField<long?>("target");
        var element = new DataField<long?>(ListField.ElementName);
        var schema = new ParquetSchema(target, new ListField("nums", element));
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, CompressionLevel = CompressionLevel.Optimal };

        await using var writer = await ParquetWriter.CreateAsync(schema, stream, options, cancellationToken: cancellationToken);
        writer.CustomMetadata = new Dictionary<string, string>
        {
            ["huggingface"] = HuggingFaceMetadata,
            ["ARROW:schema"] = ArrowSchemaMetadata,
        };

        // Tasks are copied into reused column buffers and flushed every RowGroupSize rows, whatever the batch sizes;
        // with no rows at all, one empty row group (as pyarrow writes).
        var columns = new RawTaskColumns(target.MaxDefinitionLevel, element.MaxDefinitionLevel);
        var written = false;
        await foreach (var tasks in batches.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                columns.Add(tasks[i]);
                if (columns.Rows < RowGroupSize) continue;
                await WriteRowGroupAsync(writer, target, element, columns, cancellationToken);
                written = true;
            }
        }
        if (columns.Rows > 0 || !written) await WriteRowGroupAsync(writer, target, element, columns, cancellationToken);
    }

    private static async Task WriteRowGroupAsync(ParquetWriter writer, DataField target, DataField element, RawTaskColumns columns, CancellationToken cancellationToken)
    {
        using var rowGroup = writer.CreateRowGroup();
        await rowGroup.WriteAllPartsAsync(target, columns.Targets, columns.TargetLevels, null, cancellationToken);
        await rowGroup.WriteAllPartsAsync(element, columns.Values, columns.ValueLevels, columns.Repetitions, cancellationToken);
        rowGroup.CompleteValidate();
        columns.Clear();
    }
}
