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
            Files("data.train_files", result.Train, result.TrainShards),
            Files("data.val_files", result.Test, result.TestShards),
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

    /// <summary>One path, or for shards a Hydra list of quoted paths: <c>'data.train_files=["/d/train-00000-of-00002.parquet","/d/train-00001-of-00002.parquet"]'</c>.</summary>
    /// <remarks>
    /// veRL's <c>RLHFDataset</c> (volcengine/verl, <c>verl/utils/dataset/rl_dataset.py</c>) takes <c>data_files</c> as a
    /// path or a list (<c>if not isinstance(data_files, (List, ListConfig)): data_files = [data_files]</c>) and
    /// concatenates the files in order; Hydra parses <c>key=["a","b"]</c> as that list.
    /// </remarks>
    private static string Files(string key, PreparedOutput single, IReadOnlyList<PreparedOutput>? shards)
        => shards is null ? OverrideQuoting.Override(key, single.Path) : OverrideQuoting.ListOverride(key, shards.Select(s => s.Path));
}
