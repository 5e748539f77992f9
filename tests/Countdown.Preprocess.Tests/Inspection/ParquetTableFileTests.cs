using Apache.Arrow;
using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Tests.Support;
using ParquetSharp;
using ParquetSharp.Schema;
using static Countdown.Preprocess.Tests.Support.InspectionTestFiles;

namespace Countdown.Preprocess.Tests.Inspection;

public sealed class ParquetTableFileTests
{
    // Four rows covering nulls and empties at every depth: null lists, empty lists, null elements, null structs,
    // required fields inside optional groups, lists of lists, maps and lists of structs holding lists.
    private static readonly string[] NestedRows =
    [
        """{"id":0,"tags":["a","b"],"matrix":[[1,2],[3]],"point":{"x":1.5,"y":2.0},"attrs":[["k",1],["j",2]],"events":[{"name":"a","scores":[1]},{"name":null,"scores":null}]}""",
        """{"id":1,"tags":[],"matrix":[[]],"point":null,"attrs":[],"events":[]}""",
        """{"id":2,"tags":null,"matrix":[null,[4]],"point":{"x":null,"y":3.0},"attrs":null,"events":null}""",
        """{"id":3,"tags":["c",null],"matrix":null,"point":{"x":4.0,"y":5.0},"attrs":[["z",null]],"events":[null,{"name":"b","scores":[]}]}""",
    ];

    [Fact]
    public async Task DescribeAsync_NestedSchema_PrintsArrowTypesWithNullability()
    {
        using var folder = new TempDirectory();
        var path = WriteNested(folder.File("nested.parquet"), rowGroupSize: 1024);

        await using var file = await TableFile.OpenAsync(path);
        var description = await file.DescribeAsync();

        Assert.Equal(TableFormat.Parquet, description.Format);
        Assert.Equal(4, description.RowCount);
        Assert.Equal(
        [
            "id: int64 not null",
            "tags: list<element: string>",
            "matrix: list<element: list<element: int64>>",
            "point: struct<x: double, y: double not null>",
            "attrs: map<string, int64>",
            "events: list<element: struct<name: string, scores: list<element: int64>>>",
        ], description.Fields.Select(f => f.ToString()));
        Assert.Equal(["SNAPPY"], description.Parquet!.Codecs);
        Assert.Equal([4L], description.Parquet.RowGroupRowCounts);
        Assert.Equal(["origin", "ARROW:schema"], description.Parquet.Metadata.Select(kv => kv.Key));
        Assert.Equal("test", description.Parquet.Metadata[0].Value);
    }

    [Fact]
    public async Task ReadRowsAsync_NestedValuesWithNullsAtEveryDepth_RebuildsEveryRow()
    {
        using var folder = new TempDirectory();
        var path = WriteNested(folder.File("nested.parquet"), rowGroupSize: 1024);

        await using var file = await TableFile.OpenAsync(path);
        var rows = await ReadAll(file, 0, 10);

        Assert.Equal(NestedRows, rows.Select(RowJson.Format));
    }

    [Theory]
    [InlineData(0, 4, 0)]
    [InlineData(1, 2, 1)]
    [InlineData(3, 5, 3)]
    [InlineData(2, 0, 2)]
    [InlineData(4, 3, 4)]
    public async Task ReadRowsAsync_OffsetAcrossRowGroups_ReturnsTheRowsAsked(long offset, long count, int firstExpected)
    {
        using var folder = new TempDirectory();
        var path = WriteNested(folder.File("nested.parquet"), rowGroupSize: 2);

        await using var file = await TableFile.OpenAsync(path);
        var rows = await ReadAll(file, offset, count);

        Assert.Equal([2L, 2L], (await file.DescribeAsync()).Parquet!.RowGroupRowCounts);
        Assert.Equal(NestedRows.Skip(firstExpected).Take((int)count), rows.Select(RowJson.Format));
    }

    [Fact]
    public async Task ReadRowsAsync_LegacyTwoLevelAndUnannotatedRepeatedFields_ReadAsLists()
    {
        using var folder = new TempDirectory();
        var path = folder.File("legacy.parquet");
        // optional group legacy (LIST) { repeated int64 item; }  and  repeated int64 implicit;
        using (var schema = new GroupNode("schema", Repetition.Required,
        [
            new GroupNode("legacy", Repetition.Optional, [new PrimitiveNode("item", Repetition.Repeated, LogicalType.None(), PhysicalType.Int64)], LogicalType.List()),
            new PrimitiveNode("implicit", Repetition.Repeated, LogicalType.None(), PhysicalType.Int64),
        ]))
        using (var properties = new WriterPropertiesBuilder().Build())
        using (var writer = new ParquetFileWriter(path, schema, properties))
        {
            using var group = writer.AppendRowGroup();
            using (var legacy = (ColumnWriter<long>)group.NextColumn())
                legacy.WriteBatch(4, [2, 2, 0, 1], [0, 1, 0, 0], [1, 2]);
            using (var repeated = (ColumnWriter<long>)group.NextColumn())
                repeated.WriteBatch(4, [1, 0, 1, 1], [0, 0, 0, 1], [5, 6, 7]);
            writer.Close();
        }

        await using var file = await TableFile.OpenAsync(path);
        var description = await file.DescribeAsync();
        var rows = await ReadAll(file, 0, 10);

        Assert.Equal(["legacy: list<item: int64 not null>", "implicit: list<implicit: int64 not null> not null"], description.Fields.Select(f => f.ToString()));
        Assert.Equal(
        [
            "{\"legacy\":[1,2],\"implicit\":[5]}",
            "{\"legacy\":null,\"implicit\":[]}",
            "{\"legacy\":[],\"implicit\":[6,7]}",
        ], rows.Select(RowJson.Format));
    }

    [Fact]
    public async Task OpenAsync_NotParquet_ThrowsInputFileExceptionNamingTheFile()
    {
        using var folder = new TempDirectory();
        var path = folder.File("fake.parquet");
        await File.WriteAllTextAsync(path, "PAR1 this is not parquet at all PAR1");

        var error = await Assert.ThrowsAsync<InputFileException>(() => TableFile.OpenAsync(path));

        Assert.StartsWith($"'{path}' is not a readable Parquet file (", error.Message);
        Assert.EndsWith("; check that it is Parquet and complete.", error.Message);
    }

    [Fact]
    public async Task OpenAsync_MissingFile_ThrowsInputFileException()
    {
        var error = await Assert.ThrowsAsync<InputFileException>(() => TableFile.OpenAsync("no/such/file.parquet"));

        Assert.Equal("File 'no/such/file.parquet' does not exist; check the path.", error.Message);
    }

    private static string WriteNested(string path, long rowGroupSize)
    {
        var tags = List([2, 0, null, 2], Strings(["a", "b", "c", null]));
        var inner = List([2, 1, 0, null, 1], Int64s([1, 2, 3, 4]));
        var matrix = List([2, 1, 2, null], inner);
        var point = Struct(4, [true, false, true, true],
            ("x", Doubles([1.5, 0, null, 4.0]), true),
            ("y", Doubles([2.0, 0, 3.0, 5.0]), false));
        var attrs = Map([2, 0, null, 1], Strings(["k", "j", "z"]), Int64s([1, 2, null]));
        var scores = List([1, null, null, 0], Int64s([1]));
        var events = List([2, 0, null, 2], Struct(4, [true, true, false, true],
            ("name", Strings(["a", null, null, "b"]), true),
            ("scores", scores, true)));
        WriteParquet(path,
        [
            ("id", Int64s([0, 1, 2, 3]), false),
            ("tags", tags, true),
            ("matrix", matrix, true),
            ("point", point, true),
            ("attrs", attrs, true),
            ("events", events, true),
        ], new Dictionary<string, string> { ["origin"] = "test" }, rowGroupSize);
        return path;
    }

    private static async Task<List<StructValue>> ReadAll(TableFile file, long offset, long count)
    {
        var rows = new List<StructValue>();
        await foreach (var row in file.ReadRowsAsync(offset, count)) rows.Add(row);
        return rows;
    }
}
