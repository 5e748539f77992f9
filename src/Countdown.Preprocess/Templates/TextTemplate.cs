using System.Text;
using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Templates;

/// <summary>A template of messages whose contents hold <c>{numbers}</c> and <c>{target}</c> placeholders.</summary>
public sealed class TextTemplate : PromptTemplate
{
    private readonly (string Role, string[] Parts, Placeholder[] Holes)[] _messages;

    private enum Placeholder { Numbers, Target }

    /// <summary>Creates the template from its messages; each content may use <c>{numbers}</c> and <c>{target}</c>.</summary>
    public TextTemplate(string name, bool isChatStyle, IEnumerable<ChatMessage> messages) : base(name)
    {
        IsChatStyle = isChatStyle;
        Messages = messages.ToArray();
        _messages = Messages.Select(m => Split(m.Role, m.Content)).ToArray();
    }

    /// <inheritdoc/>
    public override bool IsChatStyle { get; }

    /// <summary>The messages with their placeholders unfilled.</summary>
    public IReadOnlyList<ChatMessage> Messages { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<ChatMessage> Render(CountdownTask task)
    {
        var numbers = PythonFormat.List(task.Nums);
        var target = PythonFormat.Integer(task.Target);
        var result = new ChatMessage[_messages.Length];
        for (var m = 0; m < _messages.Length; m++)
        {
            var (role, parts, holes) = _messages[m];
            var builder = new StringBuilder(parts.Sum(p => p.Length) + holes.Length * 24);
            for (var i = 0; i < parts.Length; i++)
            {
                builder.Append(parts[i]);
                if (i < holes.Length) builder.Append(holes[i] == Placeholder.Numbers ? numbers : target);
            }
            result[m] = new ChatMessage(role, builder.ToString());
        }
        return result;
    }

    private static (string, string[], Placeholder[]) Split(string role, string content)
    {
        var parts = new List<string>();
        var holes = new List<Placeholder>();
        var start = 0;
        while (true)
        {
            var n = content.IndexOf("{numbers}", start, StringComparison.Ordinal);
            var t = content.IndexOf("{target}", start, StringComparison.Ordinal);
            if (n < 0 && t < 0) break;
            var isNumbers = n >= 0 && (t < 0 || n < t);
            var at = isNumbers ? n : t;
            parts.Add(content[start..at]);
            holes.Add(isNumbers ? Placeholder.Numbers : Placeholder.Target);
            start = at + (isNumbers ? "{numbers}".Length : "{target}".Length);
        }
        parts.Add(content[start..]);
        return (role, parts.ToArray(), holes.ToArray());
    }
}
