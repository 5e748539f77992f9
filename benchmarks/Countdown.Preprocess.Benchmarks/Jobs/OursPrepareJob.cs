using Countdown.Preprocess.Benchmarks.Harness;

namespace Countdown.Preprocess.Benchmarks.Jobs;

/// <summary>Our side: the CLI's <c>prepare</c>, passing only the options that differ from its defaults.</summary>
internal static class OursPrepareJob
{
    public static ChildCommand Command(string cliPath, PrepareSpec spec, string outDir)
    {
        List<string> args = ["prepare", "--input", spec.Input, "--local-dir", outDir];
        if (spec.TrainSize != PrepareSpec.DefaultTrainSize) args.AddRange(["--train-size", spec.TrainSize.ToString()]);
        if (spec.TestSize != PrepareSpec.DefaultTestSize) args.AddRange(["--test-size", spec.TestSize.ToString()]);
        if (spec.Template != PrepareSpec.DefaultTemplate) args.AddRange(["--template", spec.Template]);
        if (spec.Compression is not null) args.AddRange(["--compression", spec.Compression]);
        return Launcher.Cli(cliPath, args);
    }
}
