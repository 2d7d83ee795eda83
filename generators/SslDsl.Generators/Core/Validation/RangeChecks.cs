using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace SslDsl.Generators;

/// <summary>
/// Every parameter against the range the catalog gives it (SSL007, SSL008, SSL009, SSL015, SSL016,
/// SSL020, SSL025, SSL026), Min/Max pairs in order (SSL026), enum values that name no member, the
/// momentum schedule and Normalize's per-channel values.
/// </summary>
internal static class RangeChecks
{
    public static void Check(ValidationContext c)
    {
        foreach (var a in c.Task.AttributesWithMembers)
        {
            var failed = new HashSet<string>();
            foreach (var p in a.Spec.Params)
            {
                if (p.Constraint != Constraint.None && p.DiagnosticId is not null && a.IsKnown(p.Name) && !CheckParam(c, a, p))
                {
                    failed.Add(p.Name);
                }
            }

            foreach (var undefined in a.UndefinedEnums)
            {
                ReportUndefinedEnum(c, a, undefined.Key, undefined.Value);
            }

            CheckOrdered(c, a, failed, "MinScale", "MaxScale");
            CheckOrdered(c, a, failed, "MinArea", "MaxArea");
            CheckOrdered(c, a, failed, "MinRatio", "MaxRatio");
            CheckOrdered(c, a, failed, "SigmaMin", "SigmaMax");
            if (a.Spec.Name == "MomentumEncoder")
            {
                CheckFinalMomentum(c, a, failed);
            }

            if (a.Spec.Name == "Normalize")
            {
                CheckNormalize(c, a);
            }
        }
    }

    /// <summary>The range a constraint allows, as messages show it.</summary>
    public static string RangeText(Constraint constraint, ParamType type) => constraint switch
    {
        Constraint.Probability => "[0, 1]",
        Constraint.OpenUnit => "(0, 1)",
        Constraint.UnitPositive => "(0, 1]",
        Constraint.Positive => type == ParamType.Double ? "> 0" : ">= 1",
        Constraint.NonNegative => ">= 0",
        Constraint.Momentum => "[0, 1)",
        Constraint.HalfUnit => "in [0, 0.5]",
        _ => "",
    };

    /// <summary>Whether <paramref name="v"/> satisfies <paramref name="constraint"/> (NaN and infinities never do).</summary>
    public static bool Satisfies(Constraint constraint, double v) => constraint switch
    {
        Constraint.Probability => v >= 0 && v <= 1,
        Constraint.OpenUnit => v > 0 && v < 1,
        Constraint.UnitPositive => v > 0 && v <= 1,
        Constraint.Positive => v > 0 && !double.IsInfinity(v),
        Constraint.NonNegative => v >= 0 && !double.IsInfinity(v),
        Constraint.Momentum => v >= 0 && v < 1,
        Constraint.HalfUnit => v >= 0 && v <= 0.5,
        _ => true,
    };

    /// <summary>
    /// The valid value nearest to <paramref name="v"/> for a [0,1]-type range: a closed bound is the
    /// bound itself; an open bound is moved 0.01 inside (a mask ratio of 1.0 becomes 0.99). NaN has none.
    /// </summary>
    public static double? Nearest(Constraint constraint, double v)
    {
        if (double.IsNaN(v))
        {
            return null;
        }

        return constraint switch
        {
            Constraint.Probability => v < 0 ? 0.0 : v > 1 ? 1.0 : v,
            Constraint.OpenUnit => v <= 0 ? 0.01 : v >= 1 ? 0.99 : v,
            Constraint.UnitPositive => v <= 0 ? 0.01 : v > 1 ? 1.0 : v,
            Constraint.Momentum => v < 0 ? 0.0 : v >= 1 ? 0.99 : v,
            Constraint.HalfUnit => v < 0 ? 0.0 : v > 0.5 ? 0.5 : v,
            _ => null,
        };
    }

    private static bool CheckParam(ValidationContext c, ParsedAttribute a, ParamSpec p)
    {
        double v = a.Model.Double(p.Name);
        if ((double.IsNaN(v) && p.Type != ParamType.Double) || Satisfies(p.Constraint, v))
        {
            return true;
        }

        var location = a.LocationOf(p.Name);
        string value = ValidationContext.Format(v);
        string range = RangeText(p.Constraint, p.Type);
        string name = a.Spec.Name;
        string suggestion = Suggestion(p);
        switch (p.DiagnosticId)
        {
            case "SSL007":
            {
                double? nearest = Nearest(p.Constraint, v);
                var properties = nearest is { } n
                    ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.ReplacementProperty, AttributeModel.FormatDouble(n))
                    : ImmutableDictionary<string, string?>.Empty;
                c.Report(DiagnosticDescriptors.ProbabilityOutOfRange, location, properties, name, p.Name, value, WhatItIs(p.Name), range,
                    nearest is { } m ? ValidationContext.Format(m) : p.Default ?? "0.5");
                break;
            }

            case "SSL008":
                c.Report(DiagnosticDescriptors.TemperatureNotPositive, location, name, value);
                break;
            case "SSL009":
                c.Report(DiagnosticDescriptors.MomentumOutOfRange, location, name, p.Name, value, range, p.Default ?? "0.9");
                break;
            case "SSL015":
                c.Report(DiagnosticDescriptors.ShapeMismatch, location, $"{name}.{p.Name} is {value}, but a size must be {range}; set it to a positive value{suggestion}");
                break;
            case "SSL016":
                c.Report(DiagnosticDescriptors.DimensionMismatch, location, $"{name}.{p.Name} is {value}, but a width must be {range}; set it to a positive value{suggestion}");
                break;
            case "SSL020":
                c.Report(DiagnosticDescriptors.WeightNotPositive, location, name, value);
                break;
            case "SSL025":
                c.Report(DiagnosticDescriptors.TrainingValueOutOfRange, location, name, p.Name, value, range, $"set it to a value in that range{suggestion}");
                break;
            default:
                c.Report(DiagnosticDescriptors.StrengthOutOfRange, location, name, p.Name, value, range, $"set it to a value in that range{suggestion}");
                break;
        }

        return false;
    }

    private static string WhatItIs(string parameter) => parameter switch
    {
        "P" or "Probability" => "a probability",
        "Ratio" => "a mask ratio",
        "Rate" => "a corruption rate",
        "MinScale" or "MaxScale" => "a crop scale (fraction of the image area)",
        "MinArea" or "MaxArea" => "an erased area fraction",
        "Threshold" => "a pixel threshold",
        "ReplaceWithMask" or "ReplaceWithRandom" => "a fraction of the selected tokens",
        _ => "a fraction",
    };

    /// <summary>", e.g. 256 (the default)" when the catalog default is itself valid; "" otherwise.</summary>
    private static string Suggestion(ParamSpec p)
    {
        if (p.Default is null || !double.TryParse(p.Default, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !Satisfies(p.Constraint, d))
        {
            return "";
        }

        return $", e.g. {ValidationContext.Format(d)} (the default)";
    }

    private static void ReportUndefinedEnum(ValidationContext c, ParsedAttribute a, string parameter, string written)
    {
        string enumType = a.Spec.Param(parameter)?.EnumType ?? "";
        string members = ValidationContext.List(TaskParser.EnumMemberNames(enumType).Select(m => $"{enumType}.{m}")).Replace(" and ", " or ");
        var location = a.LocationOf(parameter);
        string action = $"use {members}";
        switch (a.Spec.Name)
        {
            case "FineTune":
                c.Report(DiagnosticDescriptors.FineTuneInvalid, location, $"FineTune.{parameter} is {written}, which names no {enumType} member; {action}");
                break;
            case "Optimizer":
            case "LearningRateSchedule":
            case "Training":
                c.Report(DiagnosticDescriptors.TrainingValueOutOfRange, location, a.Spec.Name, parameter, written, $"a named {enumType} member", action);
                break;
            default:
                c.Report(DiagnosticDescriptors.StrengthOutOfRange, location, a.Spec.Name, parameter, written, $"a named {enumType} member", action);
                break;
        }
    }

    private static void CheckOrdered(ValidationContext c, ParsedAttribute a, HashSet<string> failed, string low, string high)
    {
        if (a.Spec.Param(low) is null || a.Spec.Param(high) is null || !a.AreKnown(low, high) || failed.Contains(low) || failed.Contains(high))
        {
            return;
        }

        double lo = a.Model.Double(low);
        double hi = a.Model.Double(high);
        if (!(lo > hi))
        {
            return;
        }

        string lows = ValidationContext.Format(lo);
        string highs = ValidationContext.Format(hi);
        if (!a.IsWritten(low) && a.IsWritten(high))
        {
            c.Report(DiagnosticDescriptors.StrengthOutOfRange, a.LocationOf(high), a.Spec.Name, high, highs, $">= {low} ({lows})", $"raise {high} or lower {low}");
        }
        else
        {
            c.Report(DiagnosticDescriptors.StrengthOutOfRange, a.LocationOf(low), a.Spec.Name, low, lows, $"<= {high} ({highs})", $"lower {low} or raise {high}");
        }
    }

    private static void CheckFinalMomentum(ValidationContext c, ParsedAttribute a, HashSet<string> failed)
    {
        double final = a.Model.Double("FinalMomentum");
        double start = a.Model.Double("Momentum");
        if (!a.IsKnown("FinalMomentum") || double.IsNaN(final))
        {
            return;
        }

        if (!(final >= 0 && final <= 1))
        {
            c.Report(DiagnosticDescriptors.MomentumOutOfRange, a.LocationOf("FinalMomentum"), "MomentumEncoder", "FinalMomentum", ValidationContext.Format(final), "[0, 1]", "1");
        }
        else if (a.IsKnown("Momentum") && !failed.Contains("Momentum") && final < start)
        {
            c.Report(DiagnosticDescriptors.MomentumOutOfRange, a.LocationOf("FinalMomentum"), "MomentumEncoder", "FinalMomentum", ValidationContext.Format(final),
                $"[Momentum ({ValidationContext.Format(start)}), 1], since the schedule only raises the momentum", "1");
        }
    }

    private static void CheckNormalize(ValidationContext c, ParsedAttribute a)
    {
        var mean = a.Model.Arg("Mean");
        var std = a.Model.Arg("Std");
        if (a.IsKnown("Std") && std?.Text is { } stds &&
            stds.Split(',').Any(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && !(x > 0)))
        {
            c.Report(DiagnosticDescriptors.StrengthOutOfRange, a.LocationOf("Std"), "Normalize", "Std", "{ " + stds.Replace(",", ", ") + " }",
                "> 0 for every channel", "division by a zero or negative standard deviation is undefined; give positive values");
        }

        if (mean is null || std is null || !a.AreKnown("Mean", "Std"))
        {
            return;
        }

        int means = (int)mean.Number;
        int stdCount = (int)std.Number;
        if (means > 1 && stdCount > 1 && means != stdCount)
        {
            c.Report(DiagnosticDescriptors.ShapeMismatch, a.LocationOf("Std"),
                $"Normalize.Mean has {means} values but Normalize.Std has {stdCount}; give one value for every channel, or a single value, in both");
            return;
        }

        var input = c.Input;
        if (input?.Spec.Name == "ImageInput" && input.IsKnown("Channels"))
        {
            int channels = input.Model.Int("Channels");
            foreach (var (name, count) in new[] { ("Mean", means), ("Std", stdCount) })
            {
                if (count > 1 && channels >= 1 && count != channels)
                {
                    c.Report(DiagnosticDescriptors.ShapeMismatch, a.LocationOf(name),
                        $"Normalize.{name} has {count} values but the image has {channels} channel(s); give one value per channel, or a single value for all");
                    break;
                }
            }
        }
    }
}
