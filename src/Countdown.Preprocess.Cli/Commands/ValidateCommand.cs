using System.CommandLine;
using Countdown.Preprocess.Templates;
using Countdown.Preprocess.Tokenization;
using Countdown.Preprocess.Tasks;
using Countdown.Preprocess.Validation;
using Serilog;

namespace Countdown.Preprocess.Cli.Commands;

/// <summary><c>validate PATH...</c>: checks prepared files against the contract <c>prepare</c> writes.</summary>
internal sealed class ValidateCommand : CountdownCommand
{
    private readonly Argument<string[]> _paths = new("paths")
    {
        Description = "Prepared Parquet files, or folders whose train.parquet and test.parquet to check.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> _strict = new("--strict")
    {
        Description = "Fail on warnings too (a test task repeated in train).",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the report as one JSON document.",
    };

    private readonly Option<string?> _templateFile = new("--template-file")
    {
        Description = "Also accept prompts made from this custom template (a JSON list of {role, content} messages).",
    };

    private readonly Option<string> _tokenizer = new("--tokenizer")
    {
        Description = "With --max-prompt-length: the model's tokenizer (a model folder with tokenizer.json and tokenizer_config.json, or a tokenizer.json file) to measure prompts with.",
    };

    private readonly Option<int?> _maxPromptLength = new("--max-prompt-length")
    {
        Description = "With --tokenizer: fail on any prompt longer than this many tokens (chat-style prompts counted through the chat template, as veRL does).",
    };

    public ValidateCommand(CliConsole console)
        : base("validate", "Check prepared train/test Parquet files: schema, nulls, constants, split, index, ground truth and prompts.", console)
    {
        Arguments.Add(_paths);
        Options.Add(_strict);
        Options.Add(_json);
        Options.Add(_templateFile);
        Options.Add(_tokenizer);
        Options.Add(_maxPromptLength);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, ILogger log, CancellationToken cancellationToken)
    {
        var paths = parseResult.GetValue(_paths) ?? [];
        var strict = parseResult.GetValue(_strict);
        var templates = PromptTemplates.All.ToList();
        if (parseResult.GetValue(_templateFile) is { } templatePath)
        {
            var custom = await TemplateFile.LoadAsync(templatePath, cancellationToken);
            foreach (var warning in TemplateFile.Warnings(custom)) log.Warning("{Warning}", warning);
            templates.Add(custom);
        }

        var tokenizerPath = parseResult.GetValue(_tokenizer);
        var maxPromptLength = parseResult.GetValue(_maxPromptLength);
        if (tokenizerPath is null != maxPromptLength is null)
            throw new UsageException("--tokenizer and --max-prompt-length go together: the tokenizer measures prompts against the limit; pass both.");
        if (maxPromptLength < 1)
            throw new UsageException($"--max-prompt-length '{maxPromptLength}' is not a positive token count.");
        using var tokenizer = tokenizerPath is null ? null : HuggingFaceTokenizer.Load(PathExpansion.ExpandHome(tokenizerPath));
        PromptTokenLimit? limit = null;
        if (tokenizer is not null)
        {
            string? problem = null;
            try { tokenizer.RequireChatTemplate(); }
            catch (UsageException error) { problem = error.Message; }
            limit = new PromptTokenLimit(maxPromptLength!.Value, PromptTokenCounter.For(tokenizer, chatStyle: false),
                problem is null ? PromptTokenCounter.For(tokenizer, chatStyle: true) : null, problem);
        }

        var report = await PreparedFileValidator.ValidateAsync(paths, new ValidationOptions { Templates = templates, PromptTokens = limit }, cancellationToken);
        if (parseResult.GetValue(_json)) ValidationReportWriter.WriteJson(Console.Out, report, strict);
        else
        {
            ValidationReportWriter.WriteText(Console.Out, report, strict);
            foreach (var hint in ValidateHints.For(report, parseResult.GetValue(_templateFile) is not null)) Console.Out.WriteLine(hint);
        }
        await Console.Out.FlushAsync(cancellationToken);
        return report.Passed(strict) ? ExitCodes.Success : ExitCodes.ValidationFailed;
    }
}
