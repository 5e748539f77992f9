using Countdown.Preprocess.Tasks;

namespace Countdown.Preprocess.Writers;

/// <summary>One row group of raw tasks in Parquet's column form: values with their definition and repetition levels.</summary>
internal sealed record RawTaskColumns(long[] Targets, int[] TargetLevels, long[] Values, int[] ValueLevels, int[] Repetitions)
{
    /// <summary>Flattens tasks <c>[start, start + count)</c>; an empty <c>nums</c> list becomes one level-1 entry without a value.</summary>
    public static RawTaskColumns From(IReadOnlyList<CountdownTask> tasks, int start, int count, int targetLevel, int elementLevel)
    {
        var targets = new long[count];
        var targetLevels = new int[count];
        var entries = 0;
        var valueCount = 0;
        for (var i = 0; i < count; i++)
        {
            var nums = tasks[start + i].Nums;
            valueCount += nums.Length;
            entries += Math.Max(nums.Length, 1);
        }

        var values = new long[valueCount];
        var levels = new int[entries];
        var repetitions = new int[entries];
        int entry = 0, value = 0;
        for (var i = 0; i < count; i++)
        {
            var task = tasks[start + i];
            targets[i] = task.Target;
            targetLevels[i] = targetLevel;
            if (task.Nums.Length == 0)
            {
                levels[entry] = 1; // the list is there but empty
                repetitions[entry++] = 0;
                continue;
            }

            for (var j = 0; j < task.Nums.Length; j++)
            {
                values[value++] = task.Nums[j];
                levels[entry] = elementLevel;
                repetitions[entry++] = j == 0 ? 0 : 1;
            }
        }

        return new RawTaskColumns(targets, targetLevels, values, levels, repetitions);
    }
}
