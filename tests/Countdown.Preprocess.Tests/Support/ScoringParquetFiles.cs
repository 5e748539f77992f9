using Apache.Arrow;
using Apache.Arrow.Types;
using ParquetSharp;
using ParquetSharp.Arrow;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>Writes Parquet files of rows to score with ParquetSharp's Arrow writer (Apache Arrow C++), as pyarrow lays them out.</summary>
internal static class ScoringParquetFiles
{
    /// <summary>Flat columns: <c>target</c> int64, <c>nums</c> list&lt;int64&gt;, <c>response</c> string.</summary>
    public static void WriteFlat(string path, IReadOnlyList<(long? Target, long[]? Nums, string? Response)> rows, long rowGroupSize = 1 << 20)
        => Write(path, rowGroupSize,
            ("target", Int64s(rows.Select(r => r.Target))),
            ("nums", Int64Lists(rows.Select(r => r.Nums))),
            ("response", Strings(rows.Select(r => r.Response))));

    /// <summary>As <c>prepare</c> writes the task (<c>reward_model</c> struct{ground_truth: struct{numbers, target}, style}), plus <c>solution_str</c>.</summary>
    public static void WriteNested(string path, IReadOnlyList<(long Target, long[] Nums, string Output)> rows)
    {
        var truth = Struct(rows.Count,
            ("numbers", Int64Lists(rows.Select(r => (long[]?)r.Nums))),
            ("target", Int64s(rows.Select(r => (long?)r.Target))));
        var rewardModel = Struct(rows.Count, ("ground_truth", truth), ("style", Strings(rows.Select(_ => "rule"))));
        Write(path, 1 << 20,
            ("data_source", Strings(rows.Select(_ => "countdown"))),
            ("reward_model", rewardModel),
            ("solution_str", Strings(rows.Select(r => r.Output))));
    }

    private static void Write(string path, long rowGroupSize, params (string Name, IArrowArray Array)[] columns)
    {
        var schema = new Schema(columns.Select(c => new Field(c.Name, c.Array.Data.DataType, true)), null);
        var batch = new RecordBatch(schema, columns.Select(c => c.Array), columns[0].Array.Length);
        using var properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).Build();
        using var arrowProperties = new ArrowWriterPropertiesBuilder().StoreSchema().Build();
        using var writer = new FileWriter(path, schema, properties, arrowProperties);
        writer.WriteRecordBatch(batch, rowGroupSize);
        writer.Close();
    }

    private static Int64Array Int64s(IEnumerable<long?> values)
    {
        var builder = new Int64Array.Builder();
        foreach (var value in values)
        {
            if (value is { } v) builder.Append(v);
            else builder.AppendNull();
        }
        return builder.Build();
    }

    private static StringArray Strings(IEnumerable<string?> values)
    {
        var builder = new StringArray.Builder();
        foreach (var value in values)
        {
            if (value is null) builder.AppendNull();
            else builder.Append(value);
        }
        return builder.Build();
    }

    private static ListArray Int64Lists(IEnumerable<long[]?> lists)
    {
        var items = lists.ToArray();
        var values = Int64s(items.Where(l => l is not null).SelectMany(l => l!).Select(v => (long?)v));
        var offsets = new ArrowBuffer.Builder<int>().Append(0);
        var validity = new ArrowBuffer.BitmapBuilder();
        int offset = 0, nulls = 0;
        foreach (var list in items)
        {
            validity.Append(list is not null);
            if (list is null) nulls++;
            offset += list?.Length ?? 0;
            offsets.Append(offset);
        }
        var type = new ListType(new Field("element", Int64Type.Default, true));
        return new ListArray(type, items.Length, offsets.Build(), values, validity.Build(), nulls);
    }

    private static StructArray Struct(int length, params (string Name, IArrowArray Array)[] children)
    {
        var type = new StructType(children.Select(c => new Field(c.Name, c.Array.Data.DataType, true)).ToList());
        return new StructArray(type, length, children.Select(c => c.Array), ArrowBuffer.Empty, nullCount: 0);
    }
}
