using Apache.Arrow;
using Apache.Arrow.Types;
using ParquetSharp;
using ParquetSharp.Arrow;
using ArrowField = Apache.Arrow.Field;

namespace Countdown.Preprocess.Tests.Support;

/// <summary>Builds Arrow arrays and writes them to Parquet with ParquetSharp (Apache Arrow C++), independently of the library.</summary>
internal static class InspectionTestFiles
{
    public static void WriteParquet(
        string path, IReadOnlyList<(string Name, IArrowArray Array, bool Nullable)> columns, IReadOnlyDictionary<string, string>? metadata = null, long rowGroupSize = 1024 * 1024)
    {
        var schema = new Schema(columns.Select(c => new ArrowField(c.Name, c.Array.Data.DataType, c.Nullable)), metadata ?? new Dictionary<string, string>());
        var batch = new RecordBatch(schema, columns.Select(c => c.Array), columns.Count == 0 ? 0 : columns[0].Array.Length);
        using var properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).Build();
        using var arrowProperties = new ArrowWriterPropertiesBuilder().StoreSchema().Build();
        using var writer = new FileWriter(path, schema, properties, arrowProperties);
        writer.WriteRecordBatch(batch, rowGroupSize);
        writer.Close();
    }

    public static Int64Array Int64s(IEnumerable<long?> values)
    {
        var builder = new Int64Array.Builder();
        foreach (var value in values)
        {
            if (value is { } v) builder.Append(v);
            else builder.AppendNull();
        }
        return builder.Build();
    }

    public static Int32Array Int32s(IEnumerable<int?> values)
    {
        var builder = new Int32Array.Builder();
        foreach (var value in values)
        {
            if (value is { } v) builder.Append(v);
            else builder.AppendNull();
        }
        return builder.Build();
    }

    public static DoubleArray Doubles(IEnumerable<double?> values)
    {
        var builder = new DoubleArray.Builder();
        foreach (var value in values)
        {
            if (value is { } v) builder.Append(v);
            else builder.AppendNull();
        }
        return builder.Build();
    }

    public static StringArray Strings(IEnumerable<string?> values)
    {
        var builder = new StringArray.Builder();
        foreach (var value in values)
        {
            if (value is null) builder.AppendNull();
            else builder.Append(value);
        }
        return builder.Build();
    }

    /// <summary>A list array over <paramref name="values"/>: each row takes the next <c>length</c> values, or is null.</summary>
    public static ListArray List(IEnumerable<int?> lengths, IArrowArray values, bool elementNullable = true)
    {
        var (offsets, validity, length, nulls) = Offsets(lengths);
        var type = new ListType(new ArrowField("element", values.Data.DataType, elementNullable));
        return new ListArray(type, length, offsets, values, validity, nulls);
    }

    /// <summary>A map array over key and value arrays: each row takes the next <c>length</c> entries, or is null.</summary>
    public static MapArray Map(IEnumerable<int?> lengths, IArrowArray keys, IArrowArray values)
    {
        var (offsets, validity, length, nulls) = Offsets(lengths);
        var keyField = new ArrowField("key", keys.Data.DataType, nullable: false);
        var valueField = new ArrowField("value", values.Data.DataType, nullable: true);
        var entryType = new StructType([keyField, valueField]);
        var entries = new StructArray(entryType, keys.Length, [keys, values], ArrowBuffer.Empty, nullCount: 0);
        return new MapArray(new MapType(keyField, valueField), length, offsets, entries, validity, nulls);
    }

    /// <summary>A struct array of nullable children; <paramref name="valid"/> marks null rows (all valid when omitted).</summary>
    public static StructArray Struct(int length, IReadOnlyList<bool>? valid, params (string Name, IArrowArray Array, bool Nullable)[] children)
    {
        var type = new StructType(children.Select(c => new ArrowField(c.Name, c.Array.Data.DataType, c.Nullable)).ToList());
        if (valid is null) return new StructArray(type, length, children.Select(c => c.Array), ArrowBuffer.Empty, nullCount: 0);
        var bitmap = new ArrowBuffer.BitmapBuilder();
        foreach (var v in valid) bitmap.Append(v);
        return new StructArray(type, length, children.Select(c => c.Array), bitmap.Build(), valid.Count(v => !v));
    }

    public static StructArray Struct(int length, params (string Name, IArrowArray Array)[] children)
        => Struct(length, null, children.Select(c => (c.Name, c.Array, true)).ToArray());

    private static (ArrowBuffer Offsets, ArrowBuffer Validity, int Length, int Nulls) Offsets(IEnumerable<int?> lengths)
    {
        var offsets = new ArrowBuffer.Builder<int>().Append(0);
        var validity = new ArrowBuffer.BitmapBuilder();
        int offset = 0, length = 0, nulls = 0;
        foreach (var count in lengths)
        {
            length++;
            validity.Append(count is not null);
            if (count is null) nulls++;
            offset += count ?? 0;
            offsets.Append(offset);
        }
        return (offsets.Build(), validity.Build(), length, nulls);
    }
}
