using System.Text;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Tokenization;

public sealed partial class ChatTemplate
{
    private static void Turn(StringBuilder text, string role, string content)
        => text.Append("<|im_start|>").Append(role).Append('\n').Append(content).Append("<|im_end|>\n");

    /// <summary>Qwen2: the default system turn before a first message that is not a system one, then every message as a turn.</summary>
    private static void RenderQwen2(StringBuilder text, IReadOnlyList<ChatMessage> messages)
    {
        if (messages[0].Role != "system") Turn(text, "system", "You are a helpful assistant.");
        foreach (var message in messages) Turn(text, message.Role, message.Content);
    }

    /// <summary>Qwen2.5 without tools: the first system message or the default one, then user, later system and assistant turns.</summary>
    private static void RenderQwen25(StringBuilder text, IReadOnlyList<ChatMessage> messages, string defaultSystem)
    {
        Turn(text, "system", messages[0].Role == "system" ? messages[0].Content : defaultSystem);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            // (role == user) or (role == system and not loop.first) or (role == assistant and not tool_calls)
            if (message.Role == "system" && i == 0) continue;
            Turn(text, message.Role, message.Content);
        }
    }

    /// <summary>Qwen3 without tools: a first system message as is, and assistant turns after the last user query keep their reasoning.</summary>
    private static void RenderQwen3(StringBuilder text, IReadOnlyList<ChatMessage> messages)
    {
        if (messages[0].Role == "system") Turn(text, "system", messages[0].Content);
        var lastQuery = messages.Count - 1;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            var content = messages[i].Content;
            if (messages[i].Role == "user" && !(content.StartsWith("<tool_response>", StringComparison.Ordinal) && content.EndsWith("</tool_response>", StringComparison.Ordinal)))
            {
                lastQuery = i;
                break;
            }
        }
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Role == "user" || message.Role == "system" && i > 0)
            {
                Turn(text, message.Role, message.Content);
                continue;
            }
            if (message.Role != "assistant") continue;
            var content = message.Content;
            var reasoning = "";
            if (content.Contains("</think>", StringComparison.Ordinal))
            {
                // content.split('</think>')[-1].lstrip('\n') and split('</think>')[0].rstrip('\n').split('<think>')[-1].lstrip('\n')
                var before = content[..content.IndexOf("</think>", StringComparison.Ordinal)].TrimEnd('\n');
                reasoning = before[(before.LastIndexOf("<think>", StringComparison.Ordinal) is var at && at >= 0 ? at + "<think>".Length : 0)..].TrimStart('\n');
                content = content[(content.LastIndexOf("</think>", StringComparison.Ordinal) + "</think>".Length)..].TrimStart('\n');
            }
            text.Append("<|im_start|>assistant\n");
            if (i > lastQuery && (i == messages.Count - 1 || reasoning.Length > 0))
                text.Append("<think>\n").Append(reasoning.Trim('\n')).Append("\n</think>\n\n").Append(content.TrimStart('\n'));
            else
                text.Append(content);
            text.Append("<|im_end|>\n");
        }
    }
}
