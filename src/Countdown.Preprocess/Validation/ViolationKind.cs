namespace Countdown.Preprocess.Validation;

/// <summary>What a prepared file gets wrong; each kind is counted, and its first examples are kept, separately.</summary>
public enum ViolationKind
{
    /// <summary>The file cannot be read as Parquet at all.</summary>
    File,

    /// <summary>A column is missing, extra, out of order, of the wrong type or not nullable.</summary>
    Schema,

    /// <summary>The <c>huggingface</c> key-value metadata is missing or does not list the columns.</summary>
    Metadata,

    /// <summary>A value is null (prepared files hold none, at any depth).</summary>
    Null,

    /// <summary><c>data_source</c>, <c>ability</c> or <c>reward_model.style</c> is not its constant.</summary>
    Constant,

    /// <summary><c>extra_info.split</c> does not match the file (or is inconsistent within it).</summary>
    Split,

    /// <summary><c>extra_info.index</c> does not run 0..n-1 in file order.</summary>
    Index,

    /// <summary><c>nums</c> differs from <c>reward_model.ground_truth.numbers</c>.</summary>
    Nums,

    /// <summary><c>target</c> differs from <c>reward_model.ground_truth.target</c>.</summary>
    Target,

    /// <summary>The prompt is none of the known templates rendered from the row's ground truth.</summary>
    Prompt,

    /// <summary>A warning: a test row has the task (target and multiset of numbers) of a train row.</summary>
    Overlap,

    /// <summary>The prompt is longer, in the model's tokens, than <see cref="ValidationOptions.PromptTokens"/> allows.</summary>
    PromptLength,
}
