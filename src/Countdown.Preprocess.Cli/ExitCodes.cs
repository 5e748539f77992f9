namespace Countdown.Preprocess.Cli;

/// <summary>The process exit codes, documented in the README; 1 stays System.CommandLine's for parse errors and bugs.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int UsageOrBug = 1;
    public const int InvalidOption = 2;
    public const int InputUnreadable = 3;
    public const int BadRecord = 4;
    public const int NotEnoughTasks = 5;
    public const int OutputFailed = 6;
    public const int HubFailed = 7;
    public const int ValidationFailed = 8;
    public const int Cancelled = 130;
}
