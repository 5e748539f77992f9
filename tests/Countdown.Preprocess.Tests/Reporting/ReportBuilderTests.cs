using Countdown.Preprocess.Reporting;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tests.Support;

namespace Countdown.Preprocess.Tests.Reporting;

public sealed class ReportBuilderTests
{
    // A stand-in tokenizer: one token per word.
    private static int Words(IReadOnlyList<ChatMessage> prompt) => prompt.Sum(m => m.Content.Split(' ').Length);

    [Fact]
    public async Task BuildAsync_RawWithTokenCounter_CountsEveryRenderedPrompt()
    {
        using var folder = new TempDirectory();
        var raw = folder.WriteJsonl([(28, [95, 11, 56]), (24, [1, 3, 4, 6]), (4, [2, 2])]);

        var report = await ReportBuilder.BuildAsync(raw, new ReportOptions { CountPromptTokens = Words, Template = PromptTemplates.Chat });

        var expected = new[] { 28L, 24, 4 }.Zip(new long[][] { [95, 11, 56], [1, 3, 4, 6], [2, 2] })
            .Select(t => Words(PromptTemplates.Chat.Render(new global::Countdown.Preprocess.Tasks.CountdownTask(t.First, t.Second)))).GroupBy(n => n).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key), report.TokenLengths!.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task BuildAsync_PreparedWithTokenCounter_CountsTrainAndTestWithTheMatchedTemplate()
    {
        var report = await ReportBuilder.BuildAsync(RepositoryFiles.Path("samples", "prepared", "chat"), new ReportOptions { CountPromptTokens = Words, Solve = false });

        Assert.Equal(report.Rows, report.TokenLengths!.Values.Sum());
        Assert.Equal(Words(report.SampleRows[0].Prompt), report.TokenLengths.Keys.Single(k => k == Words(report.SampleRows[0].Prompt)));
    }

    [Fact]
    public async Task BuildAsync_HistogramGiven_IsPassedThrough()
    {
        using var folder = new TempDirectory();
        var raw = folder.WriteJsonl([(3, [1, 2])]);
        var lengths = new Dictionary<int, long> { [12] = 1 };

        var report = await ReportBuilder.BuildAsync(raw, new ReportOptions { TokenLengths = lengths, TokenizerName = "words" });

        Assert.Same(lengths, report.TokenLengths);
        Assert.Equal("words", report.TokenizerName);
    }
}
