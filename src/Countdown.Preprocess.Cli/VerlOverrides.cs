using Countdown.Preprocess.Preparing;

namespace Countdown.Preprocess.Cli;

/// <summary>The one line of veRL launch overrides that <c>prepare --verl</c> prints on standard output.</summary>
internal static class VerlOverrides
{
    public static string Line(PrepareResult result, int maxPromptLength)
    {
        var reward = result.ExtraOutputs.Single(o => Path.GetFileName(o.Path) == PrepareJob.RewardFileName);
        return string.Join(' ',
            $"data.train_files={Files(result.Train, result.TrainShards)}",
            $"data.val_files={Files(result.Test, result.TestShards)}",
            $"data.max_prompt_length={maxPromptLength}",
            $"reward.custom_reward_function.path={reward.Path}",
            "reward.custom_reward_function.name=compute_score");
    }

    /// <summary>One path, or for shards a Hydra list in double quotes: <c>"['/d/train-00000-of-00002.parquet','/d/train-00001-of-00002.parquet']"</c>.</summary>
    /// <remarks>
    /// veRL's <c>RLHFDataset</c> (volcengine/verl, <c>verl/utils/dataset/rl_dataset.py</c>) takes <c>data_files</c> as a
    /// path or a list (<c>if not isinstance(data_files, (List, ListConfig)): data_files = [data_files]</c>) and
    /// concatenates the files in order; Hydra parses <c>key=['a','b']</c> as that list. The double quotes keep the
    /// shell from touching the brackets and single quotes when the line is pasted into a launch command.
    /// </remarks>
    private static string Files(PreparedOutput single, IReadOnlyList<PreparedOutput>? shards)
        => shards is null ? single.Path : "\"[" + string.Join(',', shards.Select(s => "'" + s.Path.Replace("'", "\\'") + "'")) + "]\"";
}
