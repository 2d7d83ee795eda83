using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using SslDsl;

namespace SslDslSamples;

/// <summary>
/// The typed options the samples and benches share (System.CommandLine), each with its validation
/// message ("Option --epochs needs a whole number &gt;= 1; got '0'."). An option takes one value and
/// may be given once; a switch takes none, so completion goes on after it.
/// </summary>
internal static class CliOptions
{
    /// <summary>A whole number &gt;= 1 with a default.</summary>
    public static Option<int> Positive(string name, string description, int defaultValue) =>
        Value(name, description, "N", r => PositiveInteger(r, name), defaultValue);

    /// <summary>A whole number &gt;= 0 with a default (0 switches something off).</summary>
    public static Option<int> NonNegative(string name, string description, int defaultValue) =>
        Value(name, description, "N", r => int.TryParse(Last(r), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : Fail<int>(r, $"Option {name} needs a whole number >= 0; got '{Last(r)}'."), defaultValue);

    /// <summary>A whole number &gt;= 0, or null when not given.</summary>
    public static Option<int?> OptionalNonNegative(string name, string description) =>
        Value<int?>(name, description, "N", r => int.TryParse(Last(r), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : Fail<int?>(r, $"Option {name} needs a whole number >= 0; got '{Last(r)}'."));

    /// <summary>A whole number &gt;= 1, or null when not given.</summary>
    public static Option<int?> OptionalPositive(string name, string description) =>
        Value<int?>(name, description, "N", r => PositiveInteger(r, name));

    /// <summary>An integer (a seed).</summary>
    public static Option<long> Integer(string name, string description, long defaultValue) =>
        Value(name, description, "N", r => long.TryParse(Last(r), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : Fail<long>(r, $"Option {name} needs an integer; got '{Last(r)}'."), defaultValue);

    /// <summary>A number strictly between 0 and 1.</summary>
    public static Option<double> Fraction(string name, string description, double defaultValue) =>
        Value(name, description, "F", r => double.TryParse(Last(r), NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 && f < 1
            ? f
            : Fail<double>(r, $"Option {name} needs a number between 0 and 1 (exclusive); got '{Last(r)}'."), defaultValue);

    /// <summary>A number &gt; 0 with a default.</summary>
    public static Option<double> PositiveNumber(string name, string description, double defaultValue) =>
        Value(name, description, "X", r => PositiveNumber(Last(r)) ?? Fail<double>(r, $"Option {name} needs a number > 0; got '{Last(r)}'."), defaultValue);

    /// <summary>A number &gt; 0, or null when not given.</summary>
    public static Option<double?> OptionalPositiveNumber(string name, string description) =>
        Value(name, description, "X", r => PositiveNumber(Last(r)) ?? Fail<double?>(r, $"Option {name} needs a number > 0; got '{Last(r)}'."));

    /// <summary>A path or word with a default.</summary>
    public static Option<string> Text(string name, string description, string defaultValue, string helpName) =>
        Value(name, description, helpName, Last, defaultValue);

    /// <summary>A path or word, or null when not given.</summary>
    public static Option<string?> OptionalText(string name, string description, string helpName) =>
        Value<string?>(name, description, helpName, Last);

    /// <summary>A file that must exist (not a folder), or null when not given.</summary>
    public static Option<string?> ExistingFile(string name, string description) =>
        Value(name, description, "PATH", r =>
        {
            string path = Last(r);
            return Directory.Exists(path) ? Fail<string?>(r, $"Option {name}: '{path}' is a folder, not a file.")
                : !File.Exists(path) ? Fail<string?>(r, $"Option {name}: no file at '{path}'.")
                : path;
        });

    /// <summary>A switch (present or not).</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>
    /// --device: auto, cpu, cuda or cuda:N, checked when parsed (a CUDA device that this process
    /// cannot use is a command-line error), completed with the device names.
    /// </summary>
    public static Option<string> Device()
    {
        var option = Value("--device", "auto, cpu, cuda or cuda:N (auto: CUDA when available)", "auto|cpu|cuda", r =>
        {
            try
            {
                Devices.Parse(Last(r), "Option --device");
                return Last(r);
            }
            catch (ArgumentException e)
            {
                return Fail<string>(r, e.Message);
            }
        }, "auto");
        option.CompletionSources.Add("auto", "cpu", "cuda");
        return option;
    }

    /// <summary>
    /// --precision: float32, mixed-bf16 or auto (<see cref="TrainingPrecision"/>); without it the task's declared
    /// precision holds (null).
    /// </summary>
    public static Option<TrainingPrecision?> Precision()
    {
        var option = Value<TrainingPrecision?>("--precision", "float32, mixed-bf16 (convolutions and linear layers in bfloat16) or auto (mixed-bf16 where the CPU computes bfloat16 natively); default: the task's declared precision", "float32|mixed-bf16|auto", r => Last(r) switch
        {
            "float32" => TrainingPrecision.Float32,
            "mixed-bf16" => TrainingPrecision.MixedBFloat16,
            "auto" => TrainingPrecision.Auto,
            _ => Fail<TrainingPrecision?>(r, $"Option --precision takes float32, mixed-bf16 or auto; got '{Last(r)}'."),
        });
        option.CompletionSources.Clear(); // not the enum's member names, which System.CommandLine offers for an enum option
        option.CompletionSources.Add("float32", "mixed-bf16", "auto");
        return option;
    }

    /// <summary>A comma-separated list (<c>1,2,3</c>) of values that <paramref name="parse"/> accepts (null: rejected, with <paramref name="what"/> in the message).</summary>
    public static Option<T[]> List<T>(string name, string description, T[] defaultValue, Func<string, T?> parse, string what)
        where T : struct =>
        Value(name, description, "A,B,...", r =>
        {
            var items = Last(r).Split(',');
            var values = items.Select(parse).ToArray();
            int bad = Array.FindIndex(values, v => v is null);
            return bad < 0 ? values.Select(v => v!.Value).ToArray() : Fail<T[]>(r, $"Option {name} needs {what} separated by commas; got '{items[bad]}'.");
        }, defaultValue);

    /// <summary>A comma-separated list of words, each one of <paramref name="allowed"/>; all of them by default.</summary>
    public static Option<string[]> Words(string name, string description, string[] allowed)
    {
        var option = Value(name, description, string.Join(",", allowed), r =>
        {
            var items = Last(r).Split(',');
            string? bad = items.FirstOrDefault(i => !allowed.Contains(i));
            return bad is null ? items : Fail<string[]>(r, $"Option {name} takes {string.Join(", ", allowed)} separated by commas; got '{bad}'.");
        }, allowed);
        option.CompletionSources.Add(allowed);
        return option;
    }

    /// <summary>A positional whole number of at least <paramref name="minimum"/>, with a default (it may be left out).</summary>
    public static Argument<int> AtLeast(string name, string description, int minimum, int defaultValue) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => int.TryParse(Last(r), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : Fail<int>(r, $"Argument {name} needs a whole number >= {minimum}; got '{Last(r)}'."),
    };

    /// <summary>A positional path or word that must be given.</summary>
    public static Argument<string> Required(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ExactlyOne,
    };

    /// <summary>Positional words, each one of <paramref name="allowed"/> (completed with them): one or more, or any number when <paramref name="optional"/>.</summary>
    public static Argument<string[]> Choices(string name, string description, string[] allowed, bool optional = false)
    {
        var argument = new Argument<string[]>(name)
        {
            Description = description,
            Arity = optional ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore,
            CustomParser = r =>
            {
                var items = r.Tokens.Select(t => t.Value).ToArray();
                string? bad = items.FirstOrDefault(i => !allowed.Contains(i));
                return bad is null ? items : Fail<string[]>(r, $"Argument {name} takes {string.Join(", ", allowed)}; got '{bad}'.");
            },
        };
        if (optional)
        {
            argument.DefaultValueFactory = _ => [];
        }

        argument.CompletionSources.Add(allowed);
        return argument;
    }

    /// <summary>A finite number &gt; 0, or null.</summary>
    public static double? PositiveNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0 && double.IsFinite(x) ? x : null;

    /// <summary>A finite number &gt;= 0, or null.</summary>
    public static double? NonNegativeNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= 0 && double.IsFinite(x) ? x : null;

    /// <summary>
    /// An option that takes one value; <paramref name="parse"/> reads it (adding an error when it is bad).
    /// Without <paramref name="defaultValue"/> it has no default.
    /// </summary>
    private static Option<T> Value<T>(string name, string description, string helpName, Func<ArgumentResult, T> parse, Optional<T> defaultValue = default)
    {
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = r => parse(r),
        };
        if (defaultValue.HasValue)
        {
            option.DefaultValueFactory = _ => defaultValue.Value;
        }

        return option;
    }

    private static int PositiveInteger(ArgumentResult r, string name) =>
        int.TryParse(Last(r), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : Fail<int>(r, $"Option {name} needs a whole number >= 1; got '{Last(r)}'.");

    private static string Last(ArgumentResult r) => r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";

    private static T Fail<T>(ArgumentResult r, string message)
    {
        r.AddError(message);
        return default!;
    }

    /// <summary>A value or its absence (a default of null is a default, unlike no default).</summary>
    private readonly struct Optional<T>
    {
        private Optional(T value)
        {
            Value = value;
            HasValue = true;
        }

        public T Value { get; }

        public bool HasValue { get; }

        public static implicit operator Optional<T>(T value) => new(value);
    }
}
