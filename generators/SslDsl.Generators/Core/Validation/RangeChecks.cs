using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

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
            var failed = new HashSet<ParamSpec>();
            foreach (var p in a.Spec.Params)
            {
                if (p.Constraint != Constraint.None && p.DiagnosticId is not null && a.IsKnown(p) && !CheckParam(c, a, p))
                {
                    failed.Add(p);
                }
            }

            foreach (var undefined in a.UndefinedEnums)
            {
                ReportUndefinedEnum(c, a, undefined.Key, undefined.Value);
            }

            foreach (var (low, high) in OrderedPairs)
            {
                if (a.Is(low.Owner))
                {
                    CheckOrdered(c, a, failed, low, high);
                }
            }

            if (a.Is(MomentumEncoder))
            {
                CheckFinalMomentum(c, a, failed);
            }

            if (a.Is(Normalize))
            {
                CheckNormalize(c, a);
            }
        }
    }

    /// <summary>Parameters whose low value must not exceed the high one (SSL026).</summary>
    internal static readonly (DoubleParam Low, DoubleParam High)[] OrderedPairs =
    {
        (RandomResizedCrop.MinScale, RandomResizedCrop.MaxScale),
        (RandomResizedCrop.MinRatio, RandomResizedCrop.MaxRatio),
        (RandomErasing.MinArea, RandomErasing.MaxArea),
        (GaussianBlur.SigmaMin, GaussianBlur.SigmaMax),
        (MultiCrop.GlobalMinScale, MultiCrop.GlobalMaxScale),
        (MultiCrop.LocalMinScale, MultiCrop.LocalMaxScale),
    };

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
        Constraint.AtLeastOne => ">= 1",
        Constraint.ClipTemperature => "in [0.01, 1]",
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
        Constraint.AtLeastOne => v >= 1 && !double.IsInfinity(v),
        Constraint.ClipTemperature => v >= 0.01 && v <= 1,
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
            Constraint.ClipTemperature => v < 0.01 ? 0.01 : v > 1 ? 1.0 : v,
            _ => null,
        };
    }

    /// <summary>
    /// The repair of <paramref name="p"/> = <paramref name="v"/>, outside its range: a value beyond a closed bound
    /// is clamped to it (P = 1.2 becomes 1.0, Std = -1 becomes 0.0, MeanSpan = 0.5 becomes 1.0), one beyond an open
    /// bound moves 0.01 inside (a mask Ratio of 1.0 becomes 0.99); a value that must be strictly positive (a
    /// temperature, a learning rate, a width, a batch size), NaN and infinity take the catalog default. Null when
    /// the default is not valid itself (a required width).
    /// </summary>
    public static Repair? RangeRepair(ParsedAttribute a, ParamSpec p, double v)
    {
        double? clamped = double.IsNaN(v) || double.IsInfinity(v) ? null : p.Constraint switch
        {
            Constraint.NonNegative => 0.0,
            Constraint.AtLeastOne => 1.0,
            _ => Nearest(p.Constraint, v),
        };
        if (clamped is { } c)
        {
            string literal = Literal(p, c);
            return Repair.Set($"Clamp {p.Name} to {literal}", a.LocationOf(p), p, literal);
        }

        return p.IsRequired || !Satisfies(p.Constraint, p.DefaultValue.Number)
            ? null
            : Repair.Set($"Set {p.Name} = {p.DefaultLiteral} (the default)", a.LocationOf(p), p, p.DefaultLiteral!);
    }

    /// <summary><paramref name="value"/> as a C# literal of <paramref name="p"/>'s type.</summary>
    public static string Literal(ParamSpec p, double value) =>
        p.Type == ParamType.Double ? ArgValue.FormatDouble(value) : ((long)value).ToString(CultureInfo.InvariantCulture);

    private static bool CheckParam(ValidationContext c, ParsedAttribute a, ParamSpec p)
    {
        double v = a.Model.Value(p).Number;
        if ((double.IsNaN(v) && p.Type != ParamType.Double) || Satisfies(p.Constraint, v))
        {
            return true;
        }

        var location = a.LocationOf(p);
        string value = ValidationContext.Format(v);
        string range = RangeText(p.Constraint, p.Type);
        string name = a.Spec.Name;
        string suggestion = Suggestion(p);
        var repairs = RangeRepair(a, p, v) is { } repair ? new[] { repair } : new Repair[0];
        switch (p.DiagnosticId)
        {
            case "SSL007":
            {
                double? nearest = Nearest(p.Constraint, v);
                c.ReportRepairable(DiagnosticDescriptors.ProbabilityOutOfRange, location, repairs, name, p.Name, value, WhatItIs(p.Name), range,
                    nearest is { } m ? ValidationContext.Format(m) : p.DefaultLiteral ?? "0.5");
                break;
            }

            case "SSL008":
                c.ReportRepairable(DiagnosticDescriptors.TemperatureNotPositive, location, repairs, name, p.Name, value);
                break;
            case "SSL009":
                c.ReportRepairable(DiagnosticDescriptors.MomentumOutOfRange, location, repairs, name, p.Name, value, range, p.DefaultLiteral ?? "0.9");
                break;
            case "SSL015":
                c.ReportRepairable(DiagnosticDescriptors.ShapeMismatch, location, repairs, $"{name}.{p.Name} is {value}, but a size must be {range}; set it to {(p.Constraint == Constraint.AtLeastOne ? "1 or more" : "a positive value")}{suggestion}");
                break;
            case "SSL016":
                c.ReportRepairable(DiagnosticDescriptors.DimensionMismatch, location, repairs, $"{name}.{p.Name} is {value}, but a width must be {range}; set it to a positive value{suggestion}");
                break;
            case "SSL020":
                c.ReportRepairable(DiagnosticDescriptors.WeightNotPositive, location, WeightRepairs(c, a, repairs), name, value);
                break;
            case "SSL037":
                c.ReportRepairable(DiagnosticDescriptors.ClipTemperatureOutOfRange, location, repairs, name, p.Name, value);
                break;
            case "SSL025":
                c.ReportRepairable(DiagnosticDescriptors.TrainingValueOutOfRange, location, repairs, name, p.Name, value, range, $"set it to a value in that range{suggestion}");
                break;
            default:
                c.ReportRepairable(DiagnosticDescriptors.StrengthOutOfRange, location, repairs, name, p.Name, value, range, $"set it to a value in that range{suggestion}");
                break;
        }

        return false;
    }

    /// <summary>A weight's repairs: its default, then removing the objective (or member) when the task keeps another.</summary>
    private static IEnumerable<Repair> WeightRepairs(ValidationContext c, ParsedAttribute a, Repair[] repairs)
    {
        var others = a.Spec.Category == AttributeCategory.MultiTaskMember ? c.Task.Members.Count : c.Objectives.Count;
        var removal = others > 1 ? new[] { Repair.RemoveAttribute($"Remove [{a.Spec.Name}]", a.Location).As("Remove") } : new Repair[0];
        return repairs.Concat(removal);
    }

    private static string WhatItIs(string parameter) => parameter switch
    {
        "P" or "Probability" => "a probability",
        "Ratio" => "a mask ratio",
        "Rate" => "a corruption rate",
        "MinScale" or "MaxScale" or "GlobalMinScale" or "GlobalMaxScale" or "LocalMinScale" or "LocalMaxScale" => "a crop scale (fraction of the image area)",
        "MinArea" or "MaxArea" => "an erased area fraction",
        "Threshold" => "a pixel threshold",
        "ReplaceWithMask" or "ReplaceWithRandom" => "a fraction of the selected tokens",
        _ => "a fraction",
    };

    /// <summary>", e.g. 256 (the default)" when the catalog default is itself valid; "" otherwise.</summary>
    private static string Suggestion(ParamSpec p)
    {
        double d = p.DefaultValue.Number;
        if (p.IsRequired || !Satisfies(p.Constraint, d))
        {
            return "";
        }

        return $", e.g. {ValidationContext.Format(d)} (the default)";
    }

    private static void ReportUndefinedEnum(ValidationContext c, ParsedAttribute a, string parameter, UndefinedEnum undefined)
    {
        string enumType = (a.Spec.Param(parameter) as EnumParam)?.EnumType ?? "";
        string members = ValidationContext.List(undefined.Members.Select(m => $"{enumType}.{m}")).Replace(" and ", " or ");
        var location = a.Spec.Param(parameter) is { } p ? a.LocationOf(p) : a.Location;
        string action = $"use {members}";
        var repairs = a.Spec.Param(parameter) is EnumParam e ? new[] { EnumRepair(c, a, e) } : new Repair[0];
        switch (a.Spec)
        {
            case FineTuneSpec:
                c.ReportRepairable(DiagnosticDescriptors.FineTuneInvalid, location, repairs, $"FineTune.{parameter} is {undefined.Written}, which names no {enumType} member; {action}");
                break;
            case OptimizerSpec:
            case LearningRateScheduleSpec:
            case TrainingSpec:
                c.ReportRepairable(DiagnosticDescriptors.TrainingValueOutOfRange, location, repairs, a.Spec.Name, parameter, undefined.Written, $"a named {enumType} member", action);
                break;
            default:
                c.ReportRepairable(DiagnosticDescriptors.StrengthOutOfRange, location, repairs, a.Spec.Name, parameter, undefined.Written, $"a named {enumType} member", action);
                break;
        }
    }

    /// <summary>An undefined enum value's repair: the default member, or for a backbone the one that reads the task's input.</summary>
    private static Repair EnumRepair(ValidationContext c, ParsedAttribute a, EnumParam p)
    {
        string member = p == Backbone.Kind ? StructureChecks.BackboneFor(c.Modality) ?? p.Default : p.Default;
        string literal = p.EnumType + "." + member;
        return Repair.Set($"Use {literal}{(member == p.Default ? " (the default)" : "")}", a.LocationOf(p), p, literal);
    }

    private static void CheckOrdered(ValidationContext c, ParsedAttribute a, HashSet<ParamSpec> failed, DoubleParam low, DoubleParam high)
    {
        if (!a.AreKnown(low, high) || failed.Contains(low) || failed.Contains(high))
        {
            return;
        }

        double lo = a.Get(low);
        double hi = a.Get(high);
        if (!(lo > hi))
        {
            return;
        }

        string lows = ValidationContext.Format(lo);
        string highs = ValidationContext.Format(hi);
        var swap = new Repair($"Swap {low.Name} and {high.Name}", null, new[]
        {
            Repair.SetEdit(a.Location, low, ArgValue.FormatDouble(hi)),
            Repair.SetEdit(a.Location, high, ArgValue.FormatDouble(lo)),
        });
        if (!a.IsWritten(low) && a.IsWritten(high))
        {
            c.ReportRepairable(DiagnosticDescriptors.StrengthOutOfRange, a.LocationOf(high), new[] { swap }, a.Spec.Name, high.Name, highs, $">= {low.Name} ({lows})", $"raise {high.Name} or lower {low.Name}");
        }
        else
        {
            c.ReportRepairable(DiagnosticDescriptors.StrengthOutOfRange, a.LocationOf(low), new[] { swap }, a.Spec.Name, low.Name, lows, $"<= {high.Name} ({highs})", $"lower {low.Name} or raise {high.Name}");
        }
    }

    private static void CheckFinalMomentum(ValidationContext c, ParsedAttribute a, HashSet<ParamSpec> failed)
    {
        double final = a.Get(MomentumEncoder.FinalMomentum);
        double start = a.Get(MomentumEncoder.Momentum);
        if (!a.IsKnown(MomentumEncoder.FinalMomentum) || double.IsNaN(final))
        {
            return;
        }

        var location = a.LocationOf(MomentumEncoder.FinalMomentum);
        var final1 = Repair.Set("Set FinalMomentum = 1.0", location, MomentumEncoder.FinalMomentum, "1.0");
        var constant = Repair.RemoveArgument("Remove FinalMomentum (a constant momentum)", a.Location, MomentumEncoder.FinalMomentum).As("Constant");
        if (!(final >= 0 && final <= 1))
        {
            c.ReportRepairable(DiagnosticDescriptors.MomentumOutOfRange, location, new[] { final1, constant }, MomentumEncoder.Name, MomentumEncoder.FinalMomentum.Name, ValidationContext.Format(final), "[0, 1]", "1");
        }
        else if (a.IsKnown(MomentumEncoder.Momentum) && !failed.Contains(MomentumEncoder.Momentum) && final < start)
        {
            c.ReportRepairable(DiagnosticDescriptors.MomentumOutOfRange, location, new[] { final1, constant }, MomentumEncoder.Name, MomentumEncoder.FinalMomentum.Name, ValidationContext.Format(final),
                $"[Momentum ({ValidationContext.Format(start)}), 1], since the schedule only raises the momentum", "1");
        }
    }

    private static void CheckNormalize(ValidationContext c, ParsedAttribute a)
    {
        var means = a.Model.Get(Normalize.Mean);
        var stds = a.Model.Get(Normalize.Std);
        if (a.IsKnown(Normalize.Std) && stds.Any(x => !(x > 0)))
        {
            c.Report(DiagnosticDescriptors.StrengthOutOfRange, a.LocationOf(Normalize.Std), Normalize.Name, Normalize.Std.Name, "{ " + string.Join(", ", stds.Select(ArgValue.FormatDouble)) + " }",
                "> 0 for every channel", "division by a zero or negative standard deviation is undefined; give positive values");
        }

        if (!a.AreKnown(Normalize.Mean, Normalize.Std))
        {
            return;
        }

        if (means.Count > 1 && stds.Count > 1 && means.Count != stds.Count)
        {
            c.Report(DiagnosticDescriptors.ShapeMismatch, a.LocationOf(Normalize.Std),
                $"Normalize.Mean has {means.Count} values but Normalize.Std has {stds.Count}; give one value for every channel, or a single value, in both");
            return;
        }

        var input = c.Input;
        if (input is not null && input.Is(ImageInput) && input.IsKnown(ImageInput.Channels))
        {
            int channels = input.Get(ImageInput.Channels);
            foreach (var (param, count) in new[] { (Normalize.Mean, means.Count), (Normalize.Std, stds.Count) })
            {
                if (count > 1 && channels >= 1 && count != channels)
                {
                    c.Report(DiagnosticDescriptors.ShapeMismatch, a.LocationOf(param),
                        $"Normalize.{param.Name} has {count} values but the image has {channels} channel(s); give one value per channel, or a single value for all");
                    break;
                }
            }
        }
    }
}
