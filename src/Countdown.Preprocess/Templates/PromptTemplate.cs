using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Templates;

/// <summary>Turns a task into the messages of its prompt.</summary>
public abstract class PromptTemplate
{
    /// <summary>Creates a template known by <paramref name="name"/>.</summary>
    protected PromptTemplate(string name) => Name = name;

    /// <summary>The name users pass to <c>--template</c> (or the file name of a custom one).</summary>
    public string Name { get; }

    /// <summary>Whether the messages carry no inline chat markup, so veRL may apply the model's chat template to them.</summary>
    public abstract bool IsChatStyle { get; }

    /// <summary>Renders the prompt messages for <paramref name="task"/>.</summary>
    public abstract IReadOnlyList<ChatMessage> Render(CountdownTask task);
}
