using Countdown.Preprocess.Quality;

namespace Countdown.Preprocess.Validation;

/// <summary>Each row's task as target and multiset of numbers, for the overlap check: 16 bytes a row (a packed key).</summary>
/// <remarks>Rows whose task does not pack (more than six numbers, or values beyond 16 bits) keep a text key on the side.</remarks>
internal sealed class TaskKeyList
{
    private static readonly UInt128 NoTask = UInt128.MaxValue; // the count field of a real key is at most 6, never all ones
    private readonly List<UInt128> _packed = [];
    private Dictionary<int, string>? _text;

    public int Count => _packed.Count;

    /// <summary>Adds the next row's task (null when the row has no readable task).</summary>
    public void Add(long? target, long[]? nums)
    {
        if (target is null || nums is null)
        {
            _packed.Add(NoTask);
            return;
        }
        if (PackedTaskKey.TryPackMultiset(target.Value, nums, out var key))
        {
            _packed.Add(key);
            return;
        }
        (_text ??= [])[_packed.Count] = $"{target}:{string.Join(',', nums.Order())}";
        _packed.Add(NoTask);
    }

    /// <summary>The key of row <paramref name="row"/>: packed or text, or neither when the row had no task.</summary>
    public (UInt128? Packed, string? Text) this[int row]
        => _packed[row] != NoTask ? (_packed[row], null) : (null, _text?.GetValueOrDefault(row));

    /// <summary>The key's target and sorted numbers, for messages.</summary>
    public static (string Target, string Numbers) Describe((UInt128? Packed, string? Text) key)
    {
        if (key.Packed is { } packed)
        {
            var (target, nums) = PackedTaskKey.Unpack(packed);
            return (target.ToString(System.Globalization.CultureInfo.InvariantCulture), "[" + string.Join(", ", nums) + "]");
        }
        var text = key.Text!;
        return (text[..text.IndexOf(':')], "[" + text[(text.IndexOf(':') + 1)..].Replace(",", ", ") + "]");
    }
}
