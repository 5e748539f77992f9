using Countdown.Preprocess.Inspection;
using Countdown.Preprocess.Rows;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;

namespace Countdown.Preprocess.Validation;

internal sealed partial class PreparedFileCheck
{
    /// <summary>Checks the next row: no nulls, constants, split, index, nums and target against the ground truth, and the prompt.</summary>
    public void CheckRow(StructValue row)
    {
        var r = RowCount++;
        if (HasNull(row)) FindNulls(r, "", row);

        CheckConstant(r, "data_source", row.Get("data_source"), PreparedRow.DataSource);
        CheckConstant(r, "ability", row.Get("ability"), PreparedRow.Ability);
        var reward = row.Get("reward_model") as StructValue;
        CheckConstant(r, "reward_model.style", reward?.Get("style"), PreparedRow.RewardStyle);

        var extra = row.Get("extra_info") as StructValue;
        CheckSplit(r, extra?.Get("split"));
        var index = extra?.Get("index");
        var expectedIndex = ExpectedIndex(r, Integer(index));
        if (index is not null && Integer(index) != expectedIndex)
            Log.Add(ViolationKind.Index, r, "extra_info.index", () => $"Row {r} has 'extra_info.index' '{Show(index)}'; expected '{expectedIndex}', as indexes run 0..n-1 in file order.");

        var truth = reward?.Get("ground_truth") as StructValue;
        var truthNumbers = Integers(truth?.Get("numbers"));
        var truthTarget = Integer(truth?.Get("target"));
        var nums = Integers(row.Get("nums"));
        var target = Integer(row.Get("target"));
        if (nums is not null && truthNumbers is not null && !nums.AsSpan().SequenceEqual(truthNumbers))
            Log.Add(ViolationKind.Nums, r, "nums", () => $"Row {r} has 'nums' '{PythonFormat.List(nums)}' but 'reward_model.ground_truth.numbers' '{PythonFormat.List(truthNumbers)}'; they must be equal.");
        if (target is not null && truthTarget is not null && target != truthTarget)
            Log.Add(ViolationKind.Target, r, "target", () => $"Row {r} has 'target' '{target}' but 'reward_model.ground_truth.target' '{truthTarget}'; they must be equal.");

        var taskNumbers = truthNumbers ?? nums;
        var taskTarget = truthTarget ?? target;
        var task = taskNumbers is not null && taskTarget is not null ? new CountdownTask(taskTarget.Value, taskNumbers) : null;
        if (task is not null) CheckPrompt(r, row.Get("prompt"), task);
        TaskKeys.Add(task?.Target, task?.Nums);
    }

    private void CheckConstant(long r, string field, object? value, string expected)
    {
        if (value is not null && !Equals(value, expected))
            Log.Add(ViolationKind.Constant, r, field, () => $"Row {r} has '{field}' '{Show(value)}'; expected the constant '{expected}'.");
    }

    private void CheckSplit(long r, object? value)
    {
        if (value is null) return;
        var split = value as string;
        if (_splitFromName is { } named)
        {
            if (split != named)
                Log.Add(ViolationKind.Split, r, "extra_info.split", () => $"Row {r} has 'extra_info.split' '{Show(value)}' in {System.IO.Path.GetFileName(Path)}; expected '{named}'.");
            return;
        }
        if (_firstSplitRow is null)
        {
            (_firstSplit, _firstSplitRow) = (split, r);
            return;
        }
        if (split != _firstSplit)
            Log.Add(ViolationKind.Split, r, "extra_info.split", () => $"Row {r} has 'extra_info.split' '{Show(value)}' but row {_firstSplitRow} has '{_firstSplit}'; a file holds one split.");
    }

    private static bool HasNull(object? value)
    {
        switch (value)
        {
            case null:
                return true;
            case object?[] list:
                foreach (var item in list)
                {
                    if (HasNull(item)) return true;
                }
                return false;
            case StructValue record:
                foreach (var field in record.Fields)
                {
                    if (HasNull(field.Value)) return true;
                }
                return false;
            default:
                return false;
        }
    }

    private void FindNulls(long r, string path, object? value)
    {
        switch (value)
        {
            case null:
                Log.Add(ViolationKind.Null, r, path, $"Row {r} has a null '{path}'; prepared files hold no nulls.");
                break;
            case object?[] list:
                for (var i = 0; i < list.Length; i++) FindNulls(r, $"{path}[{i}]", list[i]);
                break;
            case StructValue record:
                foreach (var (name, item) in record.Fields) FindNulls(r, path.Length == 0 ? name : $"{path}.{name}", item);
                break;
        }
    }

    private static long? Integer(object? value) => value switch
    {
        long n => n,
        int n => n,
        short n => n,
        sbyte n => n,
        byte n => n,
        ushort n => n,
        uint n => n,
        ulong n when n <= long.MaxValue => (long)n,
        _ => null,
    };

    private static long[]? Integers(object? value)
    {
        if (value is not object?[] list) return null;
        var numbers = new long[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            if (Integer(list[i]) is not { } n) return null;
            numbers[i] = n;
        }
        return numbers;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => MessageText.Quote(text),
        object?[] => "a list",
        StructValue => "a struct",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
