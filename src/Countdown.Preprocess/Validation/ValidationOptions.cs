using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Validation;

/// <summary>How <see cref="PreparedFileValidator"/> checks files.</summary>
public sealed record ValidationOptions
{
    /// <summary>The templates a prompt may match; defaults to the built-in ones (add a custom template to accept it too).</summary>
    public IReadOnlyList<TextTemplate> Templates { get; init; } = PromptTemplates.All;

    /// <summary>How many violations of each kind to keep in full per file; the rest are only counted. Defaults to 20.</summary>
    public int SamplesPerKind { get; init; } = 20;

    /// <summary>The longest prompt allowed, in the model's tokens; <see langword="null"/> measures nothing.</summary>
    public PromptTokenLimit? PromptTokens { get; init; }
}
