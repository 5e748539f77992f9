using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Templates;

/// <summary>The built-in templates: TinyZero's <c>base</c> and <c>qwen-instruct</c>, and <c>chat</c> for current veRL.</summary>
public static class PromptTemplates
{
    private const string Question =
        "Using the numbers {numbers}, create an equation that equals {target}. You can use basic arithmetic operations (+, -, *, /) and each number can only be used once. Show your work in <think> </think> tags. And return the final answer in <answer> </answer> tags, for example <answer> (1 + 2) / 3 </answer>.";

    private const string Thinker =
        "You first thinks about the reasoning process in the mind and then provides the user with the answer.";

    /// <summary>TinyZero's <c>base</c> template: a plain-text conversation ending in an open <c>&lt;think&gt;</c>.</summary>
    public static TextTemplate Base { get; } = new("base", isChatStyle: false,
    [
        new ChatMessage("user",
            "A conversation between User and Assistant. The user asks a question, and the Assistant solves it. The assistant first thinks about the reasoning process in the mind and then provides the user with the answer.\nUser: "
            + Question + "\nAssistant: Let me solve this step by step.\n<think>"),
    ]);

    /// <summary>TinyZero's <c>qwen-instruct</c> template: ChatML rendered inline, quirks kept ("You first thinks", "user\n Using").</summary>
    public static TextTemplate QwenInstruct { get; } = new("qwen-instruct", isChatStyle: false,
    [
        new ChatMessage("user",
            "<|im_start|>system\nYou are a helpful assistant. " + Thinker + "<|im_end|>\n<|im_start|>user\n "
            + Question + "<|im_end|>\n<|im_start|>assistant\nLet me solve this step by step.\n<think>"),
    ]);

    /// <summary>The <c>chat</c> template: <c>qwen-instruct</c>'s instructions as system and user messages with no markup.</summary>
    public static TextTemplate Chat { get; } = new("chat", isChatStyle: true,
    [
        new ChatMessage("system", "You are a helpful assistant. " + Thinker),
        new ChatMessage("user", Question),
    ]);

    /// <summary>The built-in templates in the order help lists them.</summary>
    public static IReadOnlyList<TextTemplate> All { get; } = [Base, QwenInstruct, Chat];

    /// <summary>The names <c>--template</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(t => t.Name).ToArray();

    /// <summary>Finds a built-in template by name.</summary>
    /// <exception cref="UsageException">No template has that name.</exception>
    public static TextTemplate Get(string name)
        => All.FirstOrDefault(t => t.Name == name)
           ?? throw new UsageException($"Unknown template '{name}'; choose one of: {string.Join(", ", Names)}.");
}
