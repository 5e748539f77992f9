using Countdown.Preprocess.Preparing;

namespace Countdown.Preprocess.Cli;

/// <summary>The one line of veRL launch overrides that <c>prepare --verl</c> prints on standard output.</summary>
internal static class VerlOverrides
{
    public static string Line(PrepareResult result, int maxPromptLength)
    {
        var reward = result.ExtraOutputs.Single(o => Path.GetFileName(o.Path) == PrepareJob.RewardFileName);
        return string.Join(' ',
            $"data.train_files={result.Train.Path}",
            $"data.val_files={result.Test.Path}",
            $"data.max_prompt_length={maxPromptLength}",
            $"reward.custom_reward_function.path={reward.Path}",
            "reward.custom_reward_function.name=compute_score");
    }
}
