using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Cli;

/// <summary>A veRL release whose launch keys were read in its source, for <c>prepare --verl --verl-version</c>.</summary>
/// <remarks>
/// Verified in verl-project/verl (tags v0.3.0.post0 to v0.9.0) and Jiayi-Pan/TinyZero:
/// <list type="bullet">
/// <item>The top-level <c>custom_reward_function.path/name</c> keys exist from v0.3.0 (PR #452, <c>verl/trainer/config/ppo_trainer.yaml</c>)
/// to v0.7.0. PR #5255 (in v0.7.1) moved them to <c>reward.custom_reward_function.*</c> (<c>verl/trainer/config/reward/reward.yaml</c>);
/// v0.7.1 and v0.8.0 still copy the old keys over (<c>migrate_legacy_reward_impl</c> in <c>verl/experimental/reward_loop/reward_loop.py</c>,
/// called by <c>verl/trainer/main_ppo.py</c>); v0.9.0's <c>main_ppo.py</c> no longer calls it (PR #6710), so the old keys are accepted and ignored.</item>
/// <item><c>actor_rollout_ref.model.custom_chat_template</c> exists from v0.4.1 (<c>verl/workers/fsdp_workers.py</c>), but only from
/// v0.7.0, where rollout is always the agent loop (<c>rollout.mode: async</c>; <c>rl_dataset.py</c>'s <c>__getitem__</c> returns the raw
/// messages), does it set the template that renders every prompt (<c>verl/experimental/agent_loop/agent_loop.py</c>).</item>
/// <item><c>data.filter_overlong_prompts</c> exists in every veRL release here (default <c>False</c>) and not in TinyZero's fork,
/// whose <c>verl/utils/dataset/rl_dataset.py</c> tokenizes <c>prompt[0]['content']</c> as it is with <c>truncation='error'</c>
/// and whose <c>verl/trainer/main_ppo.py</c> scores <c>countdown</c> rows itself.</item>
/// </list>
/// </remarks>
/// <param name="Name">The version users pass.</param>
/// <param name="Reward">Which reward keys it reads.</param>
/// <param name="RendersCustomChatTemplate">Whether <c>actor_rollout_ref.model.custom_chat_template</c> renders every prompt.</param>
internal sealed record VerlVersion(string Name, VerlRewardKeys Reward, bool RendersCustomChatTemplate)
{
    /// <summary>The versions verified, oldest first, then TinyZero's fork.</summary>
    public static IReadOnlyList<VerlVersion> All { get; } =
    [
        new("0.3.0", VerlRewardKeys.TopLevel, false),
        new("0.4.0", VerlRewardKeys.TopLevel, false),
        new("0.4.1", VerlRewardKeys.TopLevel, false),
        new("0.5.0", VerlRewardKeys.TopLevel, false),
        new("0.6.0", VerlRewardKeys.TopLevel, false),
        new("0.6.1", VerlRewardKeys.TopLevel, false),
        new("0.7.0", VerlRewardKeys.TopLevel, true),
        new("0.7.1", VerlRewardKeys.UnderReward, true),
        new("0.8.0", VerlRewardKeys.UnderReward, true),
        new("0.9.0", VerlRewardKeys.UnderReward, true),
        new("tinyzero", VerlRewardKeys.None, false),
    ];

    /// <summary>The newest version verified, used when none is given.</summary>
    public static VerlVersion Default => All.Single(v => v.Name == "0.9.0");

    /// <summary>Whether this is TinyZero's fork rather than a veRL release.</summary>
    public bool IsTinyZero => Reward == VerlRewardKeys.None;

    /// <summary>The names <c>--verl-version</c> accepts.</summary>
    public static string Names => string.Join(", ", All.Select(v => v.Name));

    /// <summary>Finds a version by name (a leading <c>v</c> and a <c>.postN</c> suffix are ignored).</summary>
    /// <exception cref="UsageException">The version was not verified.</exception>
    public static VerlVersion Parse(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        if (key.StartsWith('v') && key.Length > 1 && char.IsDigit(key[1])) key = key[1..];
        var post = key.IndexOf(".post", StringComparison.Ordinal);
        if (post > 0) key = key[..post];
        return All.FirstOrDefault(v => v.Name == key)
               ?? throw new UsageException($"--verl-version '{name}' is not one whose keys were verified; choose one of: {Names}.");
    }
}

/// <summary>Where a veRL version reads the custom reward function from.</summary>
internal enum VerlRewardKeys
{
    /// <summary>TinyZero's fork: a built-in countdown reward, no keys.</summary>
    None,

    /// <summary><c>custom_reward_function.path</c> and <c>.name</c> at the top level.</summary>
    TopLevel,

    /// <summary><c>reward.custom_reward_function.path</c> and <c>.name</c>.</summary>
    UnderReward,
}
