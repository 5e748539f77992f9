using ParquetSharp;
using ParquetSharp.Schema;

namespace Countdown.Preprocess.Tests.Readers;

/// <summary>How <see cref="PageLayoutFiles"/> lays out a raw-task file: every page-level choice a writer can make for the two columns.</summary>
public sealed record PageLayout
{
    public Compression Compression { get; init; } = Compression.Snappy;
    public bool Dictionary { get; init; } = true;
    public ParquetDataPageVersion DataPageVersion { get; init; } = ParquetDataPageVersion.V1;
    public bool Int32 { get; init; }
    public bool RequiredTarget { get; init; }
    public bool RequiredElements { get; init; }

    /// <summary>A legacy bare <c>repeated int64 nums</c> column (no list group; no null list or element possible).</summary>
    public bool LegacyRepeated { get; init; }

    public int RowGroupSize { get; init; } = int.MaxValue;
    public long DataPageSize { get; init; } = 1024 * 1024;

    /// <summary>Levels handed to the writer at a time; Arrow checks the page size after each batch, so this moves page boundaries.</summary>
    public int WriteBatchSize { get; init; } = 1024;

    public bool PageChecksum { get; init; }

    /// <summary>A value encoding to force on both columns (with the dictionary off), e.g. DELTA_BINARY_PACKED.</summary>
    public Encoding? ValueEncoding { get; init; }

    public override string ToString()
        => $"{Compression} {(Dictionary ? "dict" : "plain")} {DataPageVersion} {(Int32 ? "int32" : "int64")}"
           + $"{(RequiredTarget ? " req-target" : "")}{(RequiredElements ? " req-elements" : "")}{(LegacyRepeated ? " legacy" : "")}"
           + $" groups={RowGroupSize} page={DataPageSize} batch={WriteBatchSize}{(PageChecksum ? " crc" : "")}";
}

/// <summary>Writes raw-task Parquet files with ParquetSharp's physical column writers, levels computed here, in any <see cref="PageLayout"/>.</summary>
public static class PageLayoutFiles
{
    public static void Write(string path, IReadOnlyList<(long? target, long?[]? nums)> rows, PageLayout layout)
    {
        using var builder = new WriterPropertiesBuilder()
            .Compression(layout.Compression)
            .DataPageVersion(layout.DataPageVersion)
            .DataPagesize(layout.DataPageSize)
            .WriteBatchSize(layout.WriteBatchSize);
        if (layout.Dictionary && layout.ValueEncoding is null)
            builder.EnableDictionary();
        else
            builder.DisableDictionary();
        if (layout.ValueEncoding is Encoding encoding)
            builder.Encoding(encoding);
        if (layout.PageChecksum)
            builder.EnablePageChecksum();
        using var properties = builder.Build();
        using var schema = Schema(layout);
        using var writer = new ParquetFileWriter(path, schema, properties);
        for (int start = 0; start < rows.Count || start == 0; start += layout.RowGroupSize)
        {
            var group = rows.Skip(start).Take(layout.RowGroupSize).ToArray();
            using var rowGroup = writer.AppendRowGroup();
            WriteTargets(rowGroup, group, layout);
            WriteNums(rowGroup, group, layout);
            if (rows.Count == 0)
                break;
        }
        writer.Close();
    }

    /// <summary>Writes well-formed tasks.</summary>
    public static void Write(string path, IReadOnlyList<(long target, long[] nums)> rows, PageLayout layout)
        => Write(path, rows.Select(r => ((long?)r.target, (long?[]?)r.nums.Select(n => (long?)n).ToArray())).ToArray(), layout);

    private static GroupNode Schema(PageLayout layout)
    {
        PhysicalType integer = layout.Int32 ? PhysicalType.Int32 : PhysicalType.Int64;
        var target = new PrimitiveNode("target", layout.RequiredTarget ? Repetition.Required : Repetition.Optional, LogicalType.None(), integer);
        Node nums = layout.LegacyRepeated
            ? new PrimitiveNode("nums", Repetition.Repeated, LogicalType.None(), integer)
            : new GroupNode("nums", Repetition.Optional,
                [new GroupNode("list", Repetition.Repeated,
                    [new PrimitiveNode("element", layout.RequiredElements ? Repetition.Required : Repetition.Optional, LogicalType.None(), integer)])],
                LogicalType.List());
        return new GroupNode("schema", Repetition.Required, [target, nums]);
    }

    private static void WriteTargets(RowGroupWriter rowGroup, (long? target, long?[]? nums)[] rows, PageLayout layout)
    {
        var definitions = rows.Select(r => (short)(r.target is null ? 0 : 1)).ToArray();
        var values = rows.Where(r => r.target is not null).Select(r => r.target!.Value).ToArray();
        WriteLevels(rowGroup, rows.Length, layout.RequiredTarget ? null : definitions, null, values, layout);
    }

    private static void WriteNums(RowGroupWriter rowGroup, (long? target, long?[]? nums)[] rows, PageLayout layout)
    {
        // Optional list with optional elements: 0 null list, 1 empty list, 2 null element, 3 value.
        // Required elements drop level 2; the legacy repeated column has only 0 (empty) and 1 (value).
        short value = (short)(layout.LegacyRepeated ? 1 : layout.RequiredElements ? 2 : 3);
        var definitions = new List<short>();
        var repetitions = new List<short>();
        var values = new List<long>();
        foreach (var (_, nums) in rows)
        {
            if (nums is null || nums.Length == 0)
            {
                definitions.Add((short)(nums is null ? 0 : value - (layout.RequiredElements || layout.LegacyRepeated ? 1 : 2)));
                repetitions.Add(0);
                continue;
            }
            for (int i = 0; i < nums.Length; i++)
            {
                definitions.Add(nums[i] is null ? (short)(value - 1) : value);
                repetitions.Add((short)(i == 0 ? 0 : 1));
                if (nums[i] is long n)
                    values.Add(n);
            }
        }
        WriteLevels(rowGroup, definitions.Count, definitions.ToArray(), repetitions.ToArray(), values.ToArray(), layout);
    }

    private static void WriteLevels(RowGroupWriter rowGroup, int levels, short[]? definitions, short[]? repetitions, long[] values, PageLayout layout)
    {
        using var column = rowGroup.NextColumn();
        if (layout.Int32)
        {
            var narrow = values.Select(v => checked((int)v)).ToArray();
            ((ColumnWriter<int>)column).WriteBatch(levels, definitions, repetitions, narrow);
        }
        else
        {
            ((ColumnWriter<long>)column).WriteBatch(levels, definitions, repetitions, values);
        }
    }
}
