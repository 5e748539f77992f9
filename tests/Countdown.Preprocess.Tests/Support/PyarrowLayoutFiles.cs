using ParquetSharp;
using ParquetSharp.Schema;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>How <see cref="PyarrowLayoutFiles"/> lays out a file; the defaults match pyarrow 13+ writing the Hugging Face tasks.</summary>
public sealed record PyarrowLayoutOptions
{
    /// <summary>The list element's name: <c>element</c> (pyarrow 13 and later) or <c>item</c> (older pyarrow).</summary>
    public string ElementName { get; init; } = "element";

    /// <summary>Write int32 columns instead of int64.</summary>
    public bool Int32 { get; init; }

    /// <summary>Rows per row group.</summary>
    public int RowGroupSize { get; init; } = 1024 * 1024;

    /// <summary>The data page size in bytes; small values give several pages per column chunk.</summary>
    public long DataPageSize { get; init; } = 1024 * 1024;

    /// <summary>The dictionary page size limit in bytes; past it Arrow falls back to plain pages within the same chunk.</summary>
    public long DictionaryPageSizeLimit { get; init; } = 1024 * 1024;

    /// <summary>Dictionary-encode the pages, as pyarrow does by default.</summary>
    public bool Dictionary { get; init; } = true;

    /// <summary>Put <c>nums</c> before <c>target</c>.</summary>
    public bool NumsFirst { get; init; }

    /// <summary>Add an extra string column <c>source</c> before the task columns.</summary>
    public bool ExtraColumn { get; init; }

    /// <summary>Write the <c>target</c> column.</summary>
    public bool IncludeTarget { get; init; } = true;

    /// <summary>Write the <c>nums</c> column.</summary>
    public bool IncludeNums { get; init; } = true;

    /// <summary>Key-value metadata to store in the footer (pyarrow writes <c>ARROW:schema</c>, datasets <c>huggingface</c>).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>Writes raw-task Parquet files with ParquetSharp (Arrow C++) in the layout pyarrow gives the Hugging Face data.</summary>
/// <remarks>
/// Schema: <c>optional int64 target</c> and <c>optional group nums (LIST) { repeated group list { optional int64 element } }</c>,
/// snappy, dictionary pages, data page v1 — the layout of <c>Jiayi-Pan/Countdown-Tasks-3to4</c>.
/// </remarks>
public static class PyarrowLayoutFiles
{
    /// <summary>Writes well-formed tasks.</summary>
    public static void WriteRawTasks(string path, IReadOnlyList<(long target, long[] nums)> rows, PyarrowLayoutOptions? options = null)
        => WriteNullableRawTasks(path, rows.Select(r => ((long?)r.target, (long?[]?)r.nums.Select(n => (long?)n).ToArray())).ToList(), options);

    /// <summary>Writes tasks that may hold a null target, a null list or null elements.</summary>
    public static void WriteNullableRawTasks(string path, IReadOnlyList<(long? target, long?[]? nums)> rows, PyarrowLayoutOptions? options = null)
    {
        options ??= new PyarrowLayoutOptions();
        var columns = ColumnOrder(options);
        using var properties = new WriterPropertiesBuilder()
            .Compression(Compression.Snappy)
            .DataPageVersion(ParquetDataPageVersion.V1)
            .DataPagesize(options.DataPageSize)
            .DictionaryPagesizeLimit(options.DictionaryPageSizeLimit);
        if (options.Dictionary)
            properties.EnableDictionary();
        else
            properties.DisableDictionary();
        using var schema = Schema(columns, options);
        using var writerProperties = properties.Build();
        using var writer = new ParquetFileWriter(path, schema, writerProperties, options.Metadata);
        for (int start = 0; start < rows.Count || start == 0; start += options.RowGroupSize)
        {
            var group = rows.Skip(start).Take(options.RowGroupSize).ToArray();
            using var rowGroup = writer.AppendRowGroup();
            foreach (string column in columns)
                WriteColumn(rowGroup, column, group, options.Int32);
            if (rows.Count == 0)
                break;
        }
        writer.Close();
    }

    private static List<string> ColumnOrder(PyarrowLayoutOptions options)
    {
        var columns = new List<string>();
        if (options.ExtraColumn)
            columns.Add("source");
        if (options.IncludeTarget)
            columns.Add("target");
        if (options.IncludeNums)
            columns.Insert(options.NumsFirst && options.IncludeTarget ? columns.Count - 1 : columns.Count, "nums");
        return columns;
    }

    private static GroupNode Schema(IEnumerable<string> columns, PyarrowLayoutOptions options)
    {
        PhysicalType integer = options.Int32 ? PhysicalType.Int32 : PhysicalType.Int64;
        var nodes = columns.Select(column => column switch
        {
            "source" => (Node)new PrimitiveNode("source", Repetition.Optional, LogicalType.String(), PhysicalType.ByteArray),
            "target" => new PrimitiveNode("target", Repetition.Optional, LogicalType.None(), integer),
            _ => new GroupNode("nums", Repetition.Optional,
                [new GroupNode("list", Repetition.Repeated,
                    [new PrimitiveNode(options.ElementName, Repetition.Optional, LogicalType.None(), integer)])],
                LogicalType.List()),
        }).ToArray();
        return new GroupNode("schema", Repetition.Required, nodes);
    }

    private static void WriteColumn(RowGroupWriter rowGroup, string column, (long? target, long?[]? nums)[] rows, bool int32)
    {
        using var writer = rowGroup.NextColumn();
        switch (column)
        {
            case "source":
                using (var strings = writer.LogicalWriter<string?>())
                    strings.WriteBatch(rows.Select((_, i) => (string?)$"synthetic-{i}").ToArray());
                break;
            case "target" when int32:
                using (var ints = writer.LogicalWriter<int?>())
                    ints.WriteBatch(rows.Select(r => r.target is long t ? (int?)checked((int)t) : null).ToArray());
                break;
            case "target":
                using (var longs = writer.LogicalWriter<long?>())
                    longs.WriteBatch(rows.Select(r => r.target).ToArray());
                break;
            case "nums" when int32:
                using (var intLists = writer.LogicalWriter<int?[]?>())
                    intLists.WriteBatch(rows.Select(r => r.nums?.Select(n => n is long v ? (int?)checked((int)v) : null).ToArray()).ToArray());
                break;
            default:
                using (var longLists = writer.LogicalWriter<long?[]?>())
                    longLists.WriteBatch(rows.Select(r => r.nums).ToArray());
                break;
        }
    }
}
