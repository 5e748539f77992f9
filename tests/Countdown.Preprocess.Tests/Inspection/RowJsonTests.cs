using Countdown.Preprocess.Inspection;

namespace Countdown.Preprocess.Tests.Inspection;

public sealed class RowJsonTests
{
    [Fact]
    public void Format_Values_AsPandasShowsThem()
    {
        var row = new StructValue(
        [
            new("whole", 2.0),
            new("nan", double.NaN),
            new("text", "<think>\n\"é\""),
            new("bytes", new byte[] { 1, 2 }),
            new("map", new MapValue([new("k", 1L)])),
            new("nested", new object?[] { new StructValue([new("a", null)]) }),
        ]);

        var json = RowJson.Format(row);

        Assert.Equal("{\"whole\":2.0,\"nan\":null,\"text\":\"<think>\\n\\\"é\\\"\",\"bytes\":\"AQI=\",\"map\":[[\"k\",1]],\"nested\":[{\"a\":null}]}", json);
    }
}
