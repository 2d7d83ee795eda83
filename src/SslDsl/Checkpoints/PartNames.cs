namespace SslDsl;

/// <summary>The names of the checksummed parts of checkpoint and encoder files, and what each holds (for messages).</summary>
internal static class PartNames
{
    /// <summary>Task name and parameter signature (and, in encoder files, the output width).</summary>
    public const string Header = "header";

    /// <summary>What defines the run: seed, batch size, dataset identity, world size.</summary>
    public const string Run = "run";

    /// <summary>Epochs and steps done, best loss, the position inside an interrupted epoch, the metrics history.</summary>
    public const string Progress = "progress";

    /// <summary>The network's parameters and buffers.</summary>
    public const string Weights = "weights";

    /// <summary>The optimizer's state.</summary>
    public const string Optimizer = "optimizer";

    /// <summary>torch's global random-number state.</summary>
    public const string Random = "random-state";

    /// <summary>The generated trainer's extra state (the augmentation generator).</summary>
    public const string Extra = "extra-state";

    /// <summary>Part <paramref name="name"/> and what it holds, for messages: "'weights' part (parameters and buffers)".</summary>
    public static string Describe(string name) => $"'{name}' part" + name switch
    {
        Header => " (task name and parameter shapes)",
        Run => " (seed, batch size, dataset)",
        Progress => " (training position and metrics history)",
        Weights => " (parameters and buffers)",
        Optimizer => " (optimizer state)",
        Random => " (torch's random-number state)",
        Extra => " (augmentation random-number state)",
        _ => "",
    };
}
