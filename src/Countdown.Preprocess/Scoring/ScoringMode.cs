namespace Countdown.Preprocess.Scoring;

/// <summary>Where the answer is looked for.</summary>
public enum ScoringMode
{
    /// <summary>In the response alone, as today's veRL passes it: the last <c>&lt;answer&gt;…&lt;/answer&gt;</c> pair anywhere.</summary>
    Response,

    /// <summary>In a TinyZero log of prompt + response, exactly as TinyZero's <c>compute_score</c> looks: after the first
    /// <c>Assistant:</c> (else <c>&lt;|im_start|&gt;assistant</c>), on the last line; always with TinyZero's acceptance.</summary>
    TinyZero,
}
