namespace Countdown.Preprocess.Tokenization;

/// <summary>The chat templates this library renders exactly: the Qwen ChatML family (<c>&lt;|im_start|&gt;role\n…&lt;|im_end|&gt;</c>).</summary>
public enum ChatTemplateFamily
{
    /// <summary>Qwen2-Instruct: a default system message "You are a helpful assistant." when the prompt has none.</summary>
    Qwen2,

    /// <summary>Qwen2.5-Instruct: a default system message "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.".</summary>
    Qwen25Instruct,

    /// <summary>Qwen2.5 base models: the Instruct template with the default system message "You are a helpful assistant.".</summary>
    Qwen25Base,

    /// <summary>Qwen3 (thinking models): no default system message; earlier assistant turns lose their <c>&lt;think&gt;</c> part.</summary>
    Qwen3,
}
