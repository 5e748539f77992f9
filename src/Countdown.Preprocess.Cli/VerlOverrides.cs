using Countdown.Preprocess.Preparing;

namespace Countdown.Preprocess.Cli;

/// <summary>The one line of veRL launch overrides that <c>prepare --verl</c> prints on standard output.</summary>
internal static class VerlOverrides
{
    /// <summary>A Jinja chat template that renders the single user message as it is: TinyZero's prompts, byte for byte.</summary>
    /// <remarks>veRL renders it with <c>apply_chat_template(messages, add_generation_prompt=True)</c>; it adds nothing, so the model sees <c>prompt[0].content</c>.</remarks>
    public const string PassThroughChatTemplate = "{{ messages[0].content }}";

    /// <summary>Rounds an observed prompt length up to a multiple of 8 (the <c>data.max_prompt_length</c> printed with <c>--tokenizer</c>).</summary>
    public static int RoundUpTo8(int tokens) => (tokens + 7) / 8 * 8;

    /// <summary>Builds the line.</summary>
    /// <param name="result">The run; gives the file paths.</param>
    /// <param name="version">The veRL version whose keys to print.</param>
    /// <param name="maxPromptLength">The <c>data.max_prompt_length</c> value.</param>
    /// <param name="promptsMeasured">Every prompt was measured with the model's tokenizer, so veRL's own filter pass is not needed.</param>
    /// <param name="passThroughTemplate">The prompts are pre-rendered text (base, qwen-instruct) that veRL must not wrap in the model's chat template.</param>
    public static string Line(PrepareResult result, VerlVersion version, int maxPromptLength, bool promptsMeasured, bool passThroughTemplate)
    {
        var words = new List<string>
        {
            OverrideQuoting.Override("data.train_files", result.Train.Path),
            OverrideQuoting.Override("data.val_files", result.Test.Path),
            $"data.max_prompt_length={maxPromptLength}",
        };
        // TinyZero's fork has no data.filter_overlong_prompts key (Hydra would refuse it).
        if (promptsMeasured && !version.IsTinyZero) words.Add("data.filter_overlong_prompts=False");
        if (passThroughTemplate && !version.IsTinyZero)
            words.Add(OverrideQuoting.Override("actor_rollout_ref.model.custom_chat_template", PassThroughChatTemplate));
        if (!version.IsTinyZero)
        {
            var reward = result.ExtraOutputs.Single(o => Path.GetFileName(o.Path) == PrepareJob.RewardFileName);
            var prefix = version.Reward == VerlRewardKeys.UnderReward ? "reward.custom_reward_function" : "custom_reward_function";
            words.Add(OverrideQuoting.Override($"{prefix}.path", reward.Path));
            words.Add($"{prefix}.name=compute_score");
        }
        return string.Join(' ', words);
    }
}
