using System.CommandLine;

namespace Countdown.Preprocess.Cli;

/// <summary>An option whose values are an enum's names in lower case, as users type them (<c>--compression zstd</c>).</summary>
internal static class LowerCaseEnumOption
{
    public static Option<string> Create<TEnum>(string name, string description, TEnum defaultValue) where TEnum : struct, Enum
    {
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => NameOf(defaultValue),
        };
        option.AcceptOnlyFromAmong(Enum.GetValues<TEnum>().Select(NameOf).ToArray());
        return option;
    }

    public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum => Enum.Parse<TEnum>(value, ignoreCase: true);

    private static string NameOf<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
