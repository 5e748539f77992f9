using Countdown.Preprocess.Tokenization;

namespace Countdown.Preprocess.Validation;

/// <summary>The longest prompt a prepared file may hold, in the model's tokens, with the counters that measure prompts.</summary>
/// <param name="MaxTokens">The most tokens a prompt may have.</param>
/// <param name="Text">Counts pre-rendered prompts (base, qwen-instruct) as their text.</param>
/// <param name="Chat">Counts chat-style prompts through the model's chat template, or <see langword="null"/> when that template is not one rendered exactly.</param>
/// <param name="ChatProblem">Why <paramref name="Chat"/> is missing, reported on the first chat-style row.</param>
public sealed record PromptTokenLimit(int MaxTokens, IPromptTokenCounter Text, IPromptTokenCounter? Chat, string? ChatProblem);
