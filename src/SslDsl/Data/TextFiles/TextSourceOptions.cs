namespace SslDsl;

/// <summary>How a <see cref="TextLineSource"/> reads its file: the JSONL fields, where its line index goes, and the tokenizing threads.</summary>
public sealed record TextSourceOptions
{
    /// <summary>The field of each JSONL record that holds the text (JSONL files only).</summary>
    public string TextField { get; init; } = "text";

    /// <summary>The field of each JSONL record that holds the class label (a string or a number), or null for unlabelled text.</summary>
    public string? LabelField { get; init; }

    /// <summary>Where the line index (16 bytes a line, a temporary file deleted on dispose) goes; null for the temporary folder.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The tokenizing threads and read-ahead.</summary>
    public DataLoaderOptions Loader { get; init; } = DataLoaderOptions.Default;
}
