using Countdown.Preprocess.Parquet;

namespace Countdown.Preprocess.Tests.Parquet;

/// <summary>The <c>ARROW:schema</c> metadata stays byte for byte what the tool has written since the samples were made.</summary>
public sealed class ArrowSchemaMessageTests
{
    [Theory]
    [InlineData(false, "verl.b64")]
    [InlineData(true, "verl-with-solution.b64")]
    public void Base64_VerlColumns_EqualsTheCapturedMessageByteForByte(bool includeSolution, string captured)
    {
        // Captured from samples/prepared/{base,chat}/train.parquet before the schema message moved to a FlatBuffers library.
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "arrow-schema", captured)).Trim();
        KeyValuePair<string, string>[] metadata = [new(HuggingFaceFeatures.Key, HuggingFaceFeatures.Json(includeSolution))];

        var actual = ArrowSchemaMessage.Base64(includeSolution, metadata);

        Assert.Equal(Convert.FromBase64String(expected), Convert.FromBase64String(actual));
    }
}
