using Countdown.Preprocess.Scoring;

namespace Countdown.Preprocess.Tests.Scoring;

public sealed class AnswerExtractorTests
{
    [Theory]
    [InlineData("<answer>1+2</answer>", "1+2")]
    [InlineData("<think>a</think>\n<answer>\n  (1 +\n 2)\n</answer>\n", "(1 +\n 2)")]
    [InlineData("<answer>1</answer> then <answer>2</answer>", "2")]
    [InlineData("<answer>1</answer> then <answer>2", "1")]
    [InlineData("<answer>a <answer>b</answer>", "a <answer>b")]
    [InlineData("<answer></answer>", "")]
    [InlineData("<answer>\x1c 7 \u3000</answer>", "7")]
    [InlineData("<answer>\u200b7</answer>", "\u200b7")]
    public void FromResponse_Text_IsTheLastPairStripped(string response, string expected)
        => Assert.Equal(expected, AnswerExtractor.FromResponse(response));

    [Theory]
    [InlineData("")]
    [InlineData("1+2")]
    [InlineData("<answer>1+2")]
    [InlineData("</answer><answer>")]
    [InlineData("<ANSWER>1</ANSWER>")]
    public void FromResponse_NoPair_IsNull(string response)
        => Assert.Null(AnswerExtractor.FromResponse(response));

    [Theory]
    [InlineData("User: go\nAssistant: think\n<answer>1+2</answer>", "1+2")]
    [InlineData("User: go\nAssistant: <answer>1+2</answer>\nmore", null)]
    [InlineData("<|im_start|>assistant\n<answer>3</answer>", "3")]
    [InlineData("Assistant: a\n<|im_start|>assistant\n<answer>3</answer>", "3")]
    [InlineData("User: <answer>1</answer>", null)]
    [InlineData("assistant: <answer>1</answer>", null)]
    [InlineData("Assistant: x <answer>1</answer> <answer>2</answer>", "2")]
    [InlineData("Assistant: x <answer>1\r</answer>", "1")]
    public void FromTinyZeroLog_Log_IsTheAnswerOnTheLastLineAfterTheFirstMarker(string log, string? expected)
        => Assert.Equal(expected, AnswerExtractor.FromTinyZeroLog(log));

    [Fact]
    public void FromResponse_ManyOpeningTags_RunsInLinearTime()
    {
        var response = string.Concat(Enumerable.Repeat("<answer>", 200_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var answer = AnswerExtractor.FromResponse(response);

        Assert.Null(answer);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"Took {watch.Elapsed}.");
    }
}
