using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Validation;

internal sealed partial class PreparedFileCheck
{
    private void CheckPrompt(long r, object? prompt, CountdownTask task)
    {
        if (prompt is null || HasNull(prompt)) return;
        if (Messages(prompt) is not { } messages)
        {
            Log.Add(ViolationKind.Prompt, r, "prompt", () => $"Row {r} has a 'prompt' that is not a list of {{content, role}} string messages.");
            return;
        }
        for (var k = 0; k < _templates.Count; k++)
        {
            var t = (_lastTemplate + k) % _templates.Count;
            if (!Same(messages, _templates[t].Render(task))) continue;
            _lastTemplate = t;
            _templateRows[_templates[t].Name] = _templateRows.GetValueOrDefault(_templates[t].Name) + 1;
            CheckPromptTokens(r, messages, _templates[t]);
            return;
        }
        var (field, nearest) = Nearest(messages, task);
        Log.Add(ViolationKind.Prompt, r, field, () => $"Row {r} has a 'prompt' that matches none of the templates {string.Join(", ", _templates.Select(t => t.Name))} rendered from its ground truth; {nearest}.");
    }

    /// <summary>Describes where the prompt departs from the template it resembles most.</summary>
    private (string Field, string Text) Nearest(IReadOnlyList<ChatMessage> messages, CountdownTask task)
    {
        (int Message, int Chars, string Name, IReadOnlyList<ChatMessage> Rendered) best = (-1, -1, "", []);
        foreach (var template in _templates)
        {
            var rendered = template.Render(task);
            var m = 0;
            while (m < messages.Count && m < rendered.Count && messages[m] == rendered[m]) m++;
            var chars = m < messages.Count && m < rendered.Count && messages[m].Role == rendered[m].Role
                ? messages[m].Content.AsSpan().CommonPrefixLength(rendered[m].Content) : -1;
            if (m > best.Message || m == best.Message && chars > best.Chars) best = (m, chars, template.Name, rendered);
        }
        var (message, at, name, expected) = best;
        if (message >= messages.Count || message >= expected.Count)
            return ("prompt", $"it has {messages.Count} message(s) where '{name}' has {expected.Count}");
        if (at < 0)
            return ($"prompt[{message}].role", $"message {message} has role '{messages[message].Role}' where '{name}' has '{expected[message].Role}'");
        var found = messages[message].Content;
        var wanted = expected[message].Content;
        return ($"prompt[{message}].content",
            $"it is closest to '{name}', whose message {message} differs at character {at}: '{Excerpt(found, at)}' instead of '{Excerpt(wanted, at)}'");
    }

    private static string Excerpt(string text, int at)
        => at >= text.Length ? "(end)" : MessageText.Quote(text.Substring(at, Math.Min(24, text.Length - at)));

    private static bool Same(IReadOnlyList<ChatMessage> a, IReadOnlyList<ChatMessage> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Role != b[i].Role || a[i].Content != b[i].Content) return false;
        }
        return true;
    }

    private static ChatMessage[]? Messages(object prompt)
    {
        if (prompt is not object?[] list) return null;
        var messages = new ChatMessage[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is not StructValue message || message.Get("role") is not string role || message.Get("content") is not string content)
                return null;
            messages[i] = new ChatMessage(role, content);
        }
        return messages;
    }
}
