namespace Countdown.Preprocess.Templates;

/// <summary>One message of a prompt, as veRL's <c>prompt</c> column holds it: a struct of content and role.</summary>
/// <param name="Role">The speaker: <c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The text.</param>
public sealed record ChatMessage(string Role, string Content);
