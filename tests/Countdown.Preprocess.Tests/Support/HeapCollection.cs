namespace Countdown.Preprocess.Tests.Support;

/// <summary>Tests that measure the managed heap run alone, so no other test's objects count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapCollection
{
    public const string Name = "Managed heap measurement";
}
