using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Reporting;

/// <summary>Renders each task's prompt with a template and tallies its length as the given tokenizer counts it.</summary>
internal sealed class PromptLengthCounter(PromptTemplate template, Func<IReadOnlyList<ChatMessage>, int> countTokens)
{
    private readonly Dictionary<int, long> _lengths = [];

    /// <summary>Counts the prompts of <paramref name="tasks"/>.</summary>
    public void Add(IReadOnlyList<CountdownTask> tasks)
    {
        foreach (var task in tasks)
        {
            var length = countTokens(template.Render(task));
            _lengths[length] = _lengths.GetValueOrDefault(length) + 1;
        }
    }

    /// <summary>How many prompts have each length, by length ascending.</summary>
    public IReadOnlyDictionary<int, long> Lengths => new SortedDictionary<int, long>(_lengths);
}
