using System;
using System.Collections.Generic;
using System.Globalization;

namespace SslDsl;

/// <summary>
/// How run-time messages name the settings a user can change: by default the API properties
/// (<c>TrainingOptions.BatchSize = 16</c>); a command-line program maps them to its options
/// (<c>--batch-size 16</c>) so that a message tells its user what to type. Keys are the names of
/// <see cref="TrainingOptions"/> properties, plus <see cref="Dataset"/> for the data passed to <c>Fit</c>.
/// </summary>
public sealed class SettingNames
{
    /// <summary>The key that names the training data (the dataset passed to <c>Fit</c>).</summary>
    public const string Dataset = "Dataset";

    private readonly IReadOnlyDictionary<string, string> _options;

    private SettingNames(IReadOnlyDictionary<string, string> options, bool commandLine)
    {
        _options = options;
        IsCommandLine = commandLine;
    }

    /// <summary>Names every setting by its API property (<c>TrainingOptions.X</c>).</summary>
    public static SettingNames Api { get; } = new(new Dictionary<string, string>(), commandLine: false);

    /// <summary>
    /// Names the settings in <paramref name="options"/> (property name to option, for example
    /// <c>("BatchSize", "--batch-size")</c>) by their command-line option; any other setting keeps its API name.
    /// </summary>
    public static SettingNames CommandLine(params (string Property, string Option)[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (property, option) in options)
        {
            map[property] = option;
        }

        return new SettingNames(map, commandLine: true);
    }

    /// <summary>True when the names are command-line options.</summary>
    public bool IsCommandLine { get; }

    /// <summary>The name of setting <paramref name="property"/>: its option, else <c>TrainingOptions.property</c>.</summary>
    public string this[string property] =>
        _options.TryGetValue(property, out var option) ? option
        : property == Dataset ? "the dataset passed to Fit"
        : "TrainingOptions." + property;

    /// <summary>
    /// How to set <paramref name="property"/> to <paramref name="value"/>: <c>--seed 7</c> on a command line,
    /// <c>TrainingOptions.Seed = 7</c> otherwise. A null value sets a switch (<c>--resume</c>, <c>TrainingOptions.Resume = true</c>).
    /// </summary>
    public string Set(string property, object? value = null)
    {
        string text = value switch
        {
            null => "true",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return _options.TryGetValue(property, out var option)
            ? value is null ? option : $"{option} {text}"
            : $"{this[property]} = {text}";
    }
}
