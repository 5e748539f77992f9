using System.CommandLine;
using Countdown.Preprocess.Hub;
using Countdown.Preprocess.Parquet;
using Countdown.Preprocess.Preparing;
using Countdown.Preprocess.Readers;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tokenization;
using Serilog;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary><c>prepare</c>: raw tasks to veRL's train and test Parquet, row for row what TinyZero writes.</summary>
internal sealed class PrepareCommand : CountdownCommand
{
    private readonly Argument<string?> _inputArgument = new("input")
    {
        Description = "Raw tasks, as --input (give one or the other).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string> _input = new("--input", "-i")
    {
        Description = "Raw tasks: a Parquet, JSONL, JSON or CSV/TSV file, - for standard input, or hf://datasets/OWNER/NAME[@REVISION] on the Hugging Face Hub (TinyZero's dataset by default).",
        DefaultValueFactory = _ => HubDatasetReference.Default.ToString(),
    };

    private readonly Option<string> _split = new("--split")
    {
        Description = "With a Hub input: the split whose data files to read.",
        DefaultValueFactory = _ => "train",
    };

    private readonly Option<bool> _offline = new("--offline")
    {
        Description = "With a Hub input: use the local cache only and make no network request (as HF_HUB_OFFLINE=1).",
    };

    private readonly Option<string> _inputFormat = LowerCaseEnumOption.Create("--input-format",
        "Input format; auto decides from the file extension (or the content of standard input).", TaskInputFormat.Auto);

    private readonly Option<string> _localDir = new("--local-dir", "--local_dir")
    {
        Description = "Output folder for train.parquet and test.parquet; created when missing.",
        DefaultValueFactory = _ => "~/data/countdown",
    };

    private readonly Option<long> _trainSize = new("--train-size", "--train_size")
    {
        Description = "Rows in the train split: the first records in input order.",
        DefaultValueFactory = _ => PrepareOptions.DefaultTrainSize,
    };

    private readonly Option<long> _testSize = new("--test-size", "--test_size")
    {
        Description = "Rows in the test split: the records right after the train split.",
        DefaultValueFactory = _ => PrepareOptions.DefaultTestSize,
    };

    private readonly Option<string> _template = new("--template", "--template_type")
    {
        Description = $"Prompt template: {string.Join(", ", PromptTemplates.Names)}.",
        DefaultValueFactory = _ => PromptTemplates.Base.Name,
    };

    private readonly Option<string> _templateFile = new("--template-file")
    {
        Description = "A custom template: a JSON list of messages {role, content} whose contents may use {numbers} and {target}. Overrides --template.",
    };

    private readonly Option<string> _compression = LowerCaseEnumOption.Create("--compression",
        "Parquet compression codec: snappy (pyarrow's default), zstd (level 1), gzip (level 6) or none.", ParquetCodec.Snappy);

    private readonly Option<int> _rowGroupSize = new("--row-group-size")
    {
        Description = "Rows per Parquet row group.",
        DefaultValueFactory = _ => VerlParquetOptions.Default.RowGroupSize,
    };

    private readonly Option<bool> _verl = new("--verl")
    {
        Description = "Ready for today's veRL: use the chat template (unless --template-file gives a chat-style one), write countdown_reward.py beside the data, and print one line of veRL overrides on standard output.",
    };

    private readonly Option<int> _maxPromptLength = new("--max-prompt-length")
    {
        Description = "With --tokenizer: drop tasks whose prompt is longer than this many tokens (before the split). With --verl: the data.max_prompt_length override (default: the longest prompt rounded up to a multiple of 8 with --tokenizer, else 256).",
        DefaultValueFactory = _ => 256,
    };

    private readonly Option<string> _tokenizer = new("--tokenizer")
    {
        Description = "Measure every prompt in the model's tokens: a model folder with tokenizer.json and tokenizer_config.json, or a tokenizer.json file. Chat-style prompts are counted through the model's chat template (Qwen2, Qwen2.5, Qwen3), others as their text.",
    };

    private readonly Option<string> _verlVersion = new("--verl-version")
    {
        Description = $"With --verl: the veRL release whose keys to print: {VerlVersion.Names}. Top-level custom_reward_function.* up to 0.7.0, reward.custom_reward_function.* from 0.7.1 (0.9.0 ignores the old keys); --template base/qwen-instruct needs 0.7.0 or later; tinyzero prints data keys only.",
        DefaultValueFactory = _ => VerlVersion.Default.Name,
    };

    private readonly Option<string> _summaryJson = new("--summary-json")
    {
        Description = "Write a JSON summary of the run (version, input hash, options, outputs with sizes and hashes, time) to this file, or - for standard output.",
    };

    private readonly Option<bool> _dedupe = new("--dedupe")
    {
        Description = "Drop a task whose target and multiset of numbers appeared earlier (keeps the first).",
    };

    private readonly Option<bool> _solvableOnly = new("--solvable-only")
    {
        Description = "Drop tasks the exact solver cannot solve under the rule reward.",
    };

    private readonly Option<bool> _shuffle = new("--shuffle")
    {
        Description = "Shuffle the tasks before the split with a stable seeded algorithm (same order on every machine).",
    };

    private readonly Option<ulong> _seed = new("--seed")
    {
        Description = "Seed for --shuffle.",
        DefaultValueFactory = _ => CliDefaults.Seed,
    };

    private readonly Option<bool> _addSolution = new("--add-solution")
    {
        Description = "Add extra_info.solution: a reference expression the rule reward scores 1.0.",
    };

    private readonly Option<long?> _maxRowsPerFile = new("--max-rows-per-file")
    {
        Description = "Write each split as Hugging Face shards of at most N rows (train-00000-of-00004.parquet ...) instead of one file; split files of an earlier run in the folder are removed once the new set is in place.",
    };

    public PrepareCommand(CliConsole console)
        : base("prepare", "Wrap raw tasks in a prompt template and write veRL's train.parquet and test.parquet, as TinyZero's countdown.py does.", console)
    {
        Arguments.Add(_inputArgument);
        Options.Add(_input);
        Validators.Add(ValidateInput);
        Options.Add(_inputFormat);
        Options.Add(_split);
        Options.Add(_offline);
        Options.Add(_localDir);
        Options.Add(_trainSize);
        Options.Add(_testSize);
        Options.Add(_template);
        Options.Add(_templateFile);
        Options.Add(_compression);
        Options.Add(_rowGroupSize);
        Options.Add(_maxRowsPerFile);
        Options.Add(_dedupe);
        Options.Add(_solvableOnly);
        Options.Add(_shuffle);
        Options.Add(_seed);
        Options.Add(_addSolution);
        Options.Add(_verl);
        Options.Add(_maxPromptLength);
        Options.Add(_tokenizer);
        Options.Add(_verlVersion);
        Options.Add(_summaryJson);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken)
    {
        var input = InputOf(parseResult);
        WarnAboutOptionsWithoutEffect(parseResult, log);
        var summaryPath = parseResult.GetValue(_summaryJson);
        // Check the cheap things before a possibly long Hub download.
        var verl = parseResult.GetValue(_verl);
        if (verl && summaryPath == "-")
            throw new UsageException("--verl prints the veRL overrides on standard output, so --summary-json needs a file path, not '-'.");
        if (parseResult.GetValue(_maxPromptLength) < 1)
            throw new UsageException($"--max-prompt-length '{parseResult.GetValue(_maxPromptLength)}' is not a positive token count.");
        var version = VerlVersion.Parse(parseResult.GetRequiredValue(_verlVersion));
        var limitGiven = parseResult.GetResult(_maxPromptLength) is { Implicit: false };
        var template = await ResolveTemplateAsync(parseResult, verl, version, log, cancellationToken);
        using var tokenizer = parseResult.GetValue(_tokenizer) is { } tokenizerPath ? HuggingFaceTokenizer.Load(PathExpansion.ExpandHome(tokenizerPath)) : null;
        var counter = tokenizer is null ? null : PromptTokenCounter.For(tokenizer, template);
        IReadOnlyList<string> inputPaths;
        if (HubDatasetReference.IsHubUri(input))
        {
            var dataset = HubDatasetReference.Parse(input);
            input = dataset.ToString();
            inputPaths = await ResolveHubAsync(dataset, parseResult.GetRequiredValue(_split), parseResult.GetValue(_offline), log, cancellationToken);
        }
        else
        {
            inputPaths = [input];
        }

        var options = new PrepareOptions
        {
            InputPaths = inputPaths,
            InputDisplayName = input,
            InputFormat = LowerCaseEnumOption.Parse<TaskInputFormat>(parseResult.GetRequiredValue(_inputFormat)),
            OutputDirectory = PathExpansion.ExpandHome(parseResult.GetRequiredValue(_localDir)),
            TrainSize = parseResult.GetValue(_trainSize),
            TestSize = parseResult.GetValue(_testSize),
            Template = template,
            Parquet = new VerlParquetOptions
            {
                Compression = LowerCaseEnumOption.Parse<ParquetCodec>(parseResult.GetRequiredValue(_compression)),
                RowGroupSize = parseResult.GetValue(_rowGroupSize),
            },
            Dedupe = parseResult.GetValue(_dedupe),
            SolvableOnly = parseResult.GetValue(_solvableOnly),
            ShuffleSeed = parseResult.GetValue(_shuffle) ? parseResult.GetValue(_seed) : null,
            AddSolution = parseResult.GetValue(_addSolution),
            WriteRewardFunction = verl && !version.IsTinyZero,
            ComputeHashes = summaryPath is not null,
            WaitingForLock = folder => log.Warning("Another run is writing into {Folder}; waiting for it to finish", folder),
            PromptTokenCounter = counter,
            MaxPromptTokens = counter is not null && limitGiven ? parseResult.GetValue(_maxPromptLength) : null,
            MaxRowsPerFile = parseResult.GetValue(_maxRowsPerFile),
        };
        // A summary file is part of the output set: it appears only together with the splits.
        int VerlLength(PrepareResult r) => limitGiven || r.PromptTokens is null ? parseResult.GetValue(_maxPromptLength) : VerlOverrides.RoundUpTo8(r.PromptTokens.Max);
        Dictionary<string, object?> SummaryExtras(PrepareResult r) => new()
        {
            ["verl"] = verl,
            ["max_prompt_length"] = verl ? VerlLength(r) : options.MaxPromptTokens,
            ["verl_version"] = verl ? version.Name : null,
            ["tokenizer"] = tokenizer?.TokenizerPath,
        };
        if (summaryPath is not null and not "-")
            options = options with { SummaryFile = new PrepareSummaryFile(PathExpansion.ExpandHome(summaryPath), r => PrepareSummary.ToJson(options, r, ToolVersion.Current, SummaryExtras(r))) };

        log.Information("Reading {Input} for {Train} train and {Test} test rows with template {Template}",
            input, options.TrainSize, options.TestSize, options.Template.Name);
        var show = TerminalProgress.ShouldShow(Console, parseResult.GetValue(GlobalOptions.Quiet), parseResult.GetValue(GlobalOptions.LogFormat) ?? "text");
        PrepareResult result;
        using (CollectionFreeRegion.Enter(CollectionFreeRegion.PrepareBytes))
        {
            result = await TerminalProgress.RunAsync(show, progress => PrepareJob.RunAsync(options,
                progress is null ? null : new ActionProgress<PrepareProgress>(p => progress.Report((p.Stage, p.Done, p.Total))), cancellationToken));
        }
        log.Information("Read {Records} records from {Input}", result.InputRecords, input);
        if (result.DuplicatesRemoved > 0 || options.Dedupe)
            log.Information("Dropped {Count} duplicate tasks (same target and multiset of numbers)", result.DuplicatesRemoved);
        if (result.UnsolvableRemoved > 0 || options.SolvableOnly)
            log.Information("Dropped {Count} unsolvable tasks", result.UnsolvableRemoved);
        if (options.MaxPromptTokens is { } most)
            log.Information("Dropped {Count} tasks whose prompt is longer than {Max} tokens", result.PromptsTooLongRemoved, most);
        if (result.PromptTokens is { } tokens)
            log.Information("Prompt tokens ({Counting}): min {Min}, median {P50}, p99 {P99}, max {Max}",
                counter!.UsesChatTemplate ? $"{tokenizer!.ChatTemplate!.DisplayName} chat template" : "text as is", tokens.Min, tokens.P50, tokens.P99, tokens.Max);
        var verlLength = VerlLength(result);
        log.Information("Wrote {Rows} rows to {Path} ({Bytes} bytes)", result.Train.Rows, result.Train.Path, result.Train.Bytes);
        log.Information("Wrote {Rows} rows to {Path} ({Bytes} bytes)", result.Test.Rows, result.Test.Path, result.Test.Bytes);
        log.Information("Done in {Seconds:0.000} s", result.Elapsed.TotalSeconds);
        if (summaryPath == "-")
            await Console.Out.WriteLineAsync(PrepareSummary.ToJson(options, result, ToolVersion.Current, SummaryExtras(result)));
        if (verl)
            await Console.Out.WriteLineAsync(VerlOverrides.Line(result, version, verlLength, promptsMeasured: counter is not null, passThroughTemplate: !template.IsChatStyle));
        return ExitCodes.Success;
    }

    /// <summary>The input: the positional argument or <c>--input</c> (TinyZero's scripts use the option), not both.</summary>
    private string InputOf(ParseResult parseResult) => parseResult.GetValue(_inputArgument) ?? parseResult.GetRequiredValue(_input);

    private void ValidateInput(System.CommandLine.Parsing.CommandResult result)
    {
        if (result.GetValue(_inputArgument) is { } positional && result.GetResult(_input) is { Implicit: false })
            result.AddError($"The input is given twice, as '{positional}' and as --input '{result.GetValue(_input)}'; give one of them.");
    }

    /// <summary>Warns about options given explicitly that change nothing in this run.</summary>
    private void WarnAboutOptionsWithoutEffect(ParseResult parseResult, ILogger log)
    {
        if (IsExplicit(parseResult, _seed) && !parseResult.GetValue(_shuffle))
            log.Warning("--seed has no effect without --shuffle; add --shuffle to shuffle the tasks before the split");
        if (IsExplicit(parseResult, _maxPromptLength) && !parseResult.GetValue(_verl) && parseResult.GetValue(_tokenizer) is null)
            log.Warning("--max-prompt-length has no effect without --verl (which prints it as data.max_prompt_length) or --tokenizer (which drops longer prompts)");
    }

    private static bool IsExplicit(ParseResult parseResult, Option option) => parseResult.GetResult(option) is { Implicit: false };

    private async Task<PromptTemplate> ResolveTemplateAsync(ParseResult parseResult, bool verl, VerlVersion version, ILogger log, CancellationToken cancellationToken)
    {
        var templateResult = parseResult.GetResult(_template);
        var explicitName = templateResult is { Implicit: false };
        var builtIn = PromptTemplates.Get(parseResult.GetRequiredValue(_template));
        PromptTemplate chosen;
        if (parseResult.GetValue(_templateFile) is { } path)
        {
            var custom = await TemplateFile.LoadAsync(PathExpansion.ExpandHome(path), cancellationToken);
            foreach (var warning in TemplateFile.Warnings(custom)) log.Warning("{Warning}", warning);
            chosen = custom;
        }
        else if (!verl || explicitName)
        {
            chosen = builtIn;
        }
        else
        {
            chosen = version.IsTinyZero ? PromptTemplates.Base : PromptTemplates.Chat;
        }
        if (!verl) return chosen;
        if (version.IsTinyZero && chosen.IsChatStyle)
            throw new UsageException($"--verl-version tinyzero feeds prompt[0].content to the model as it is, so '{chosen.Name}' (chat-style messages) would lose all but its first message; use --template base or qwen-instruct.");
        if (!chosen.IsChatStyle && !version.IsTinyZero && !version.RendersCustomChatTemplate)
            throw new UsageException($"--verl needs a chat-style template for veRL {version.Name}, but '{chosen.Name}' is pre-rendered text that veRL would wrap in the model's chat template again; use --verl-version 0.7.0 or later (which reads actor_rollout_ref.model.custom_chat_template for every prompt), or --template chat.");
        return chosen;
    }

    private static async Task<IReadOnlyList<string>> ResolveHubAsync(HubDatasetReference dataset, string split, bool offline, ILogger log, CancellationToken cancellationToken)
    {
        var options = HubOptions.FromEnvironment(offline) with { Progress = new HubProgressLog(log) };
        log.Information("Resolving split {Split} of {Dataset}{Offline}", split, dataset, options.Offline ? " (offline)" : "");
        var files = await new HubDatasetClient().ResolveSplitAsync(dataset, split, options, cancellationToken);
        if (files.Warning is not null) log.Warning("{Warning}", files.Warning);
        log.Information("Using {Count} file(s) of {Dataset} at commit {Commit}", files.Files.Count, files.Dataset, files.Commit);
        return files.LocalPaths;
    }

    /// <summary>Logs download progress as it happens (synchronously, so lines keep their order).</summary>
    private sealed class HubProgressLog(ILogger log) : IProgress<HubDownloadProgress>
    {
        public void Report(HubDownloadProgress value)
        {
            switch (value.Stage)
            {
                case HubProgressStage.CacheHit: log.Information("Cached: {Path}", value.Path); break;
                case HubProgressStage.Started: log.Information("Downloading {Path} ({Bytes} bytes)", value.Path, value.TotalBytes); break;
                case HubProgressStage.Completed: log.Information("Downloaded and verified {Path}", value.Path); break;
            }
        }
    }
}
