using Countdown.Preprocess.Inspection;

namespace Countdown.Preprocess.Tests.Inspection;

public sealed class InspectionTextWriterTests
{
    [Fact]
    public void WriteRow_NestedValues_LaysOutLikeYamlWithBlockStrings()
    {
        var row = new StructValue(
        [
            new("n", 1L),
            new("text", "line one\n\nline three"),
            new("empty", ""),
            new("list", new object?[] { 1L, null, "a b" }),
            new("items", new object?[] { new StructValue([new("content", "x\ny"), new("role", "user")]), null }),
            new("nested", new StructValue([new("inner", new StructValue([new("v", 0.5)]))])),
            new("map", new MapValue([new("k", 2L)])),
            new("lists", new object?[] { new object?[] { 1L }, new object?[] { } }),
        ]);
        var writer = new StringWriter { NewLine = "\n" };

        InspectionTextWriter.WriteRow(writer, 7, row);

        Assert.Equal("""
            Row 7:
              n: 1
              text: |
                line one

                line three
              empty: ""
              list: [1, null, "a b"]
              items:
                - content: |
                    x
                    y
                  role: user
                - null
              nested:
                inner:
                  v: 0.5
              map:
                - key: k
                  value: 2
              lists:
                - [1]
                - []

            """.ReplaceLineEndings("\n"), writer.ToString());
    }
}
