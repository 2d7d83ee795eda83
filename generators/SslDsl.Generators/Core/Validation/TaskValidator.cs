using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SslDsl.Generators;

/// <summary>
/// Checks a parsed task against the diagnostic catalogue. Shared by the analyzer (which reports
/// the diagnostics) and the generator (which emits nothing for a task with an error, so users
/// see our diagnostic rather than a cascade of compiler errors in generated code).
/// </summary>
internal static class TaskValidator
{
    /// <summary>Every diagnostic for <paramref name="task"/> except the compilation-wide SSL024.</summary>
    public static List<Diagnostic> Validate(ParsedTask task)
    {
        var d = new List<Diagnostic>();
        void Report(DiagnosticDescriptor descriptor, Location location, params object?[] args) =>
            d.Add(Diagnostic.Create(descriptor, location, args));

        string name = task.Type.Name;
        if (!task.IsPartial)
        {
            Report(DiagnosticDescriptors.NotPartial, task.IdentifierLocation, task.NonPartialTypeName ?? name);
        }

        CheckEncoder(task, Report);
        CheckRanges(task, Report);

        if (task.IsMultiTask)
        {
            CheckMultiTask(task, Report);
            return d;
        }

        var inputs = task.OfCategory(AttributeCategory.Input).ToList();
        if (inputs.Count == 0)
        {
            Report(DiagnosticDescriptors.InputCount, task.IdentifierLocation, name, "declares no input");
        }
        else
        {
            foreach (var extra in inputs.Skip(1))
            {
                Report(DiagnosticDescriptors.InputCount, extra.Location, name, $"declares {inputs.Count} inputs");
            }
        }

        var objectives = task.OfCategory(AttributeCategory.Objective).ToList();
        if (objectives.Count == 0)
        {
            Report(DiagnosticDescriptors.NoObjective, task.IdentifierLocation, name);
        }

        var input = inputs.FirstOrDefault();
        var modality = input is null ? Modality.None : ModalityOf(input.Model.Name);
        int views = task.OfCategory(AttributeCategory.Views).FirstOrDefault()?.Model.Int("Count") ?? 1;
        var viewsAttribute = task.OfCategory(AttributeCategory.Views).FirstOrDefault();
        var steps = task.Attributes.Where(a => a.Spec.Category is AttributeCategory.Augmentation or AttributeCategory.Masking).ToList();

        if (modality != Modality.None)
        {
            foreach (var a in steps.Concat(objectives))
            {
                if ((a.Spec.Modalities & modality) == 0)
                {
                    Report(DiagnosticDescriptors.WrongModality, a.Location, a.Spec.Name, Describe(a.Spec.Modalities), task.TaskName, input!.Model.Name);
                }
            }
        }

        foreach (var objective in objectives.Where(o => AttributeCatalog.JointEmbedding.Contains(o.Spec.Name)))
        {
            if (views < 2)
            {
                Report(DiagnosticDescriptors.TooFewViews, objective.Location, objective.Spec.Name, task.TaskName, views == 1 ? "1 view" : $"{views} views");
            }
        }

        if (views >= 2 && !steps.Any(s => AttributeCatalog.IsRandom(s.Spec.Name)))
        {
            Report(DiagnosticDescriptors.IdenticalViews, viewsAttribute?.Location ?? task.IdentifierLocation, task.TaskName, views);
        }

        var reconstruction = objectives.FirstOrDefault(o => o.Spec.Name == "ReconstructionLoss");
        if (reconstruction is not null && !steps.Any(s => Corruptions.Contains(s.Spec.Name)))
        {
            Report(DiagnosticDescriptors.IdentityReconstruction, reconstruction.Location, task.TaskName);
        }

        if (input?.Model.Name == "ImageInput" && input.Model.Int("Channels") == 1)
        {
            foreach (var jitter in steps.Where(s => s.Spec.Name == "ColorJitter"))
            {
                foreach (var property in new[] { "Saturation", "Hue" })
                {
                    double v = jitter.Model.Double(property);
                    if (v > 0)
                    {
                        Report(DiagnosticDescriptors.ColorOnGrayscale, jitter.LocationOf(property), property, Format(v));
                    }
                }
            }
        }

        CheckShapes(task, input, steps, objectives, Report);
        CheckHeads(task, objectives, Report);
        CheckFineTune(task, Report);
        CheckText(input, steps, Report);
        return d;
    }

    /// <summary>Whether any diagnostic is an error.</summary>
    public static bool HasErrors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(x => x.Severity == DiagnosticSeverity.Error);

    private static readonly HashSet<string> Corruptions = new()
    {
        "PatchMask", "BlockMask", "GaussianNoise", "RandomErasing", "FeatureCorruption", "Jitter", "TimeMask", "MaskTokens", "SpanMask",
    };

    /// <summary>The modality an input attribute declares.</summary>
    public static Modality ModalityOf(string inputName) => inputName switch
    {
        "ImageInput" => Modality.Image,
        "TextInput" => Modality.Text,
        "TabularInput" => Modality.Tabular,
        "TimeSeriesInput" => Modality.Series,
        _ => Modality.None,
    };

    private static string Describe(Modality m)
    {
        var names = new List<string>();
        if ((m & Modality.Image) != 0) names.Add("image");
        if ((m & Modality.Text) != 0) names.Add("text");
        if ((m & Modality.Tabular) != 0) names.Add("tabular");
        if ((m & Modality.Series) != 0) names.Add("time-series");
        return string.Join(" or ", names);
    }

    private static string Format(double v) => v.ToString("G", CultureInfo.InvariantCulture);

    private static void CheckEncoder(ParsedTask task, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        var backbones = task.OfCategory(AttributeCategory.Backbone).ToList();
        int count = task.EncoderMembers.Count + backbones.Count;
        if (count == 0)
        {
            report(DiagnosticDescriptors.NoEncoder, task.IdentifierLocation, new object?[] { task.Type.Name });
        }
        else if (count > 1)
        {
            var names = task.EncoderMembers.Select(m => m.Name).Concat(backbones.Select(_ => "[Backbone]")).ToArray();
            var locations = task.EncoderMembers.Select(m => m.Location).Concat(backbones.Select(b => b.Location)).ToArray();
            foreach (var location in locations.Skip(1))
            {
                report(DiagnosticDescriptors.MultipleEncoders, location, new object?[] { task.Type.Name, count, string.Join(", ", names) });
            }
        }

        foreach (var member in task.EncoderMembers.Where(m => m.Problem is not null))
        {
            report(DiagnosticDescriptors.InvalidEncoderMember, member.Location, new object?[] { member.Name, member.Problem });
        }
    }

    private static void CheckRanges(ParsedTask task, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        var all = task.Attributes
            .Concat(task.EncoderMembers.Select(m => m.Attribute))
            .Concat(task.Members.Select(m => m.Attribute));
        foreach (var a in all)
        {
            foreach (var p in a.Spec.Params)
            {
                if (p.Constraint == Constraint.None || p.DiagnosticId is null || a.InvalidArguments.Contains(p.Name))
                {
                    continue;
                }

                double v = a.Model.Double(p.Name);
                if (double.IsNaN(v) && p.Type != ParamType.Double)
                {
                    continue;
                }

                (bool ok, string range) = p.Constraint switch
                {
                    Constraint.Probability => (v >= 0 && v <= 1, "[0, 1]"),
                    Constraint.OpenUnit => (v > 0 && v < 1, "(0, 1)"),
                    Constraint.UnitPositive => (v > 0 && v <= 1, "(0, 1]"),
                    Constraint.Positive => (v > 0 && !double.IsInfinity(v), p.Type == ParamType.Double ? "> 0" : ">= 1"),
                    Constraint.NonNegative => (v >= 0 && !double.IsInfinity(v), ">= 0"),
                    Constraint.Momentum => (v >= 0 && v < 1, "[0, 1)"),
                    Constraint.HalfUnit => (v >= 0 && v <= 0.5, "in [0, 0.5]"),
                    _ => (true, ""),
                };
                if (ok)
                {
                    continue;
                }

                var location = a.LocationOf(p.Name);
                string value = Format(v);
                switch (p.DiagnosticId)
                {
                    case "SSL007":
                        report(DiagnosticDescriptors.ProbabilityOutOfRange, location, new object?[] { a.Spec.Name, p.Name, value, range });
                        break;
                    case "SSL008":
                        report(DiagnosticDescriptors.TemperatureNotPositive, location, new object?[] { a.Spec.Name, value });
                        break;
                    case "SSL009":
                        report(DiagnosticDescriptors.MomentumOutOfRange, location, new object?[] { a.Spec.Name, p.Name, value, range });
                        break;
                    case "SSL015":
                        report(DiagnosticDescriptors.ShapeMismatch, location, new object?[] { $"{a.Spec.Name}.{p.Name} is {value}; it must be {range}" });
                        break;
                    case "SSL016":
                        report(DiagnosticDescriptors.DimensionMismatch, location, new object?[] { $"{a.Spec.Name}.{p.Name} is {value}; it must be {range}" });
                        break;
                    case "SSL020":
                        report(DiagnosticDescriptors.WeightNotPositive, location, new object?[] { a.Spec.Name, value });
                        break;
                    case "SSL025":
                        report(DiagnosticDescriptors.TrainingValueOutOfRange, location, new object?[] { a.Spec.Name, p.Name, value, range });
                        break;
                    default:
                        report(DiagnosticDescriptors.StrengthOutOfRange, location, new object?[] { a.Spec.Name, p.Name, value, range });
                        break;
                }
            }

            CheckOrdered(a, "MinScale", "MaxScale", DiagnosticDescriptors.ProbabilityOutOfRange, report);
            CheckOrdered(a, "MinArea", "MaxArea", DiagnosticDescriptors.ProbabilityOutOfRange, report);
            CheckOrdered(a, "MinRatio", "MaxRatio", DiagnosticDescriptors.StrengthOutOfRange, report);
            CheckOrdered(a, "SigmaMin", "SigmaMax", DiagnosticDescriptors.StrengthOutOfRange, report);

            if (a.Spec.Name == "MomentumEncoder")
            {
                double final = a.Model.Double("FinalMomentum");
                double start = a.Model.Double("Momentum");
                if (!double.IsNaN(final) && !(final >= 0 && final <= 1))
                {
                    report(DiagnosticDescriptors.MomentumOutOfRange, a.LocationOf("FinalMomentum"), new object?[] { "MomentumEncoder", "FinalMomentum", Format(final), "[0, 1] (or unset)" });
                }
                else if (!double.IsNaN(final) && final < start)
                {
                    report(DiagnosticDescriptors.MomentumOutOfRange, a.LocationOf("FinalMomentum"), new object?[] { "MomentumEncoder", "FinalMomentum", Format(final), $"[Momentum = {Format(start)}, 1]" });
                }
            }

            if (a.Spec.Name == "Views" && a.Model.Int("Count") < 1 && !a.InvalidArguments.Contains("Count"))
            {
                report(DiagnosticDescriptors.StrengthOutOfRange, a.LocationOf("Count"), new object?[] { "Views", "Count", a.Model.Int("Count"), ">= 1" });
            }

            if (a.Spec.Name == "Normalize")
            {
                var mean = a.Model.Arg("Mean");
                var std = a.Model.Arg("Std");
                if (std?.Text is { } stds && stds.Split(',').Any(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && !(x > 0)))
                {
                    report(DiagnosticDescriptors.StrengthOutOfRange, a.LocationOf("Std"), new object?[] { "Normalize", "Std", "{" + stds + "}", "> 0 for every channel" });
                }

                if (mean is not null && std is not null && mean.Number > 1 && std.Number > 1 && mean.Number != std.Number)
                {
                    report(DiagnosticDescriptors.ShapeMismatch, a.LocationOf("Std"), new object?[] { $"Normalize.Mean has {mean.Number} values and Normalize.Std has {std.Number}; give one value or one per channel for both" });
                }
            }
        }
    }

    private static void CheckOrdered(ParsedAttribute a, string low, string high, DiagnosticDescriptor descriptor, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        if (a.Model.Arg(low) is null || a.Model.Arg(high) is null)
        {
            return;
        }

        double lo = a.Model.Double(low);
        double hi = a.Model.Double(high);
        if (lo > hi)
        {
            report(descriptor, a.LocationOf(low), new object?[] { a.Spec.Name, low, Format(lo), $"<= {high} ({Format(hi)})" });
        }
    }

    private static void CheckShapes(ParsedTask task, ParsedAttribute? input, List<ParsedAttribute> steps, List<ParsedAttribute> objectives, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        void Shape(Location l, string message) => report(DiagnosticDescriptors.ShapeMismatch, l, new object?[] { message });

        if (input?.Model.Name == "ImageInput")
        {
            int h = input.Model.Int("Height");
            int w = input.Model.Int("Width");
            if (h <= 0 || w <= 0)
            {
                return;
            }

            foreach (var s in steps)
            {
                switch (s.Spec.Name)
                {
                    case "PatchMask":
                    {
                        int p = s.Model.Int("PatchSize");
                        if (p > 0 && (h % p != 0 || w % p != 0))
                        {
                            Shape(s.LocationOf("PatchSize"), $"PatchMask.PatchSize {p} does not divide the {h}x{w} image; choose a divisor of both sides (e.g. {CommonDivisor(h, w, p)})");
                        }

                        break;
                    }

                    case "BlockMask":
                    {
                        int size = s.Model.Int("Size");
                        if (size >= Math.Min(h, w))
                        {
                            Shape(s.LocationOf("Size"), $"BlockMask.Size {size} is not smaller than the {h}x{w} image; use a block smaller than {Math.Min(h, w)}");
                        }

                        break;
                    }

                    case "GaussianBlur":
                    {
                        int k = s.Model.Int("KernelSize");
                        if (k > 0 && k % 2 == 0)
                        {
                            Shape(s.LocationOf("KernelSize"), $"GaussianBlur.KernelSize {k} is even; use an odd size such as {k + 1}");
                        }
                        else if (k >= Math.Min(h, w))
                        {
                            Shape(s.LocationOf("KernelSize"), $"GaussianBlur.KernelSize {k} is not smaller than the {h}x{w} image");
                        }

                        break;
                    }
                }
            }

            foreach (var o in objectives)
            {
                switch (o.Spec.Name)
                {
                    case "JigsawPrediction":
                    {
                        int g = o.Model.Int("Grid");
                        int perms = o.Model.Int("Permutations");
                        if (g < 2)
                        {
                            Shape(o.LocationOf("Grid"), $"JigsawPrediction.Grid is {g}; it must be at least 2");
                        }
                        else if (h % g != 0 || w % g != 0)
                        {
                            Shape(o.LocationOf("Grid"), $"JigsawPrediction.Grid {g} does not divide the {h}x{w} image");
                        }
                        else if (perms < 2 || perms > Factorial(g * g))
                        {
                            Shape(o.LocationOf("Permutations"), $"JigsawPrediction.Permutations is {perms}; it must be between 2 and {Math.Min(Factorial(g * g), 1000000)} ({g * g} tiles)");
                        }

                        break;
                    }

                    case "RelativePatchPosition":
                    {
                        int g = o.Model.Int("Grid");
                        if (g != 3)
                        {
                            Shape(o.LocationOf("Grid"), $"RelativePatchPosition.Grid is {g}; it must be 3 (a centre patch and its 8 neighbours)");
                        }
                        else if (h % g != 0 || w % g != 0)
                        {
                            Shape(o.LocationOf("Grid"), $"RelativePatchPosition.Grid {g} does not divide the {h}x{w} image; crop or resize the input to a multiple of {g}");
                        }

                        break;
                    }

                    case "RotationPrediction":
                    {
                        int angles = o.Model.Int("Angles");
                        if (angles != 2 && angles != 4)
                        {
                            Shape(o.LocationOf("Angles"), $"RotationPrediction.Angles is {angles}; it must be 2 or 4 (multiples of 90 degrees keep the pixel grid)");
                        }
                        else if (angles == 4 && h != w)
                        {
                            Shape(o.LocationOf("Angles"), $"RotationPrediction with 4 angles needs a square image; the input is {h}x{w} (use Angles = 2)");
                        }

                        break;
                    }
                }
            }
        }

        if (input?.Model.Name == "TextInput")
        {
            int max = input.Model.Int("MaxLength");
            foreach (var s in steps.Where(s => s.Spec.Name == "SpanMask"))
            {
                double span = s.Model.Double("MeanSpan");
                if (span > max)
                {
                    Shape(s.LocationOf("MeanSpan"), $"SpanMask.MeanSpan {Format(span)} is longer than TextInput.MaxLength {max}");
                }
            }
        }

        if (input?.Model.Name == "TimeSeriesInput")
        {
            int length = input.Model.Int("Length");
            foreach (var o in objectives.Where(o => o.Spec.Name == "ForecastLoss"))
            {
                int horizon = o.Model.Int("Horizon");
                if (horizon >= length)
                {
                    Shape(o.LocationOf("Horizon"), $"ForecastLoss.Horizon {horizon} must be smaller than TimeSeriesInput.Length {length} (the model needs a window to forecast from)");
                }
            }
        }
    }

    private static int CommonDivisor(int h, int w, int p)
    {
        for (int d = p; d >= 1; d--)
        {
            if (h % d == 0 && w % d == 0)
            {
                return d;
            }
        }

        return 1;
    }

    private static long Factorial(int n)
    {
        long f = 1;
        for (int i = 2; i <= n && f < 10_000_000; i++)
        {
            f *= i;
        }

        return f;
    }

    private static void CheckHeads(ParsedTask task, List<ParsedAttribute> objectives, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        ParsedAttribute? Head(string n) => task.OfCategory(AttributeCategory.Head).FirstOrDefault(h => h.Spec.Name == n);
        var projection = Head("ProjectionHead");
        var predictor = Head("PredictorHead");
        var momentum = Head("MomentumEncoder");
        var queue = Head("NegativeQueue");
        int encoderDim = task.EncoderMembers.FirstOrDefault()?.Attribute.Model.Int("OutputDim")
            ?? task.OfCategory(AttributeCategory.Backbone).FirstOrDefault()?.Model.Int("OutputDim") ?? 0;

        if (predictor is not null)
        {
            int expected = projection?.Model.Int("Output") ?? encoderDim;
            int output = predictor.Model.Int("Output");
            if (expected > 0 && output > 0 && output != expected)
            {
                report(DiagnosticDescriptors.DimensionMismatch, predictor.LocationOf("Output"), new object?[]
                {
                    $"PredictorHead.Output is {output} but the predictor must return the width of the {(projection is null ? "encoder output" : "projection")} ({expected}) that the target network produces",
                });
            }
        }

        var backbone = task.OfCategory(AttributeCategory.Backbone).FirstOrDefault();
        if (backbone?.Model.Text("Kind") == "TransformerEncoder")
        {
            int width = backbone.Model.Int("Width");
            int heads = backbone.Model.Int("Heads");
            if (width > 0 && heads > 0 && width % heads != 0)
            {
                report(DiagnosticDescriptors.DimensionMismatch, backbone.LocationOf("Heads"), new object?[] { $"Backbone.Width {width} is not divisible by Backbone.Heads {heads}; attention splits the width evenly across heads" });
            }
        }

        var byol = objectives.FirstOrDefault(o => o.Spec.Name == "ByolLoss");
        if (byol is not null && (momentum is null || predictor is null))
        {
            string missing = momentum is null && predictor is null ? "[MomentumEncoder] and [PredictorHead]" : momentum is null ? "[MomentumEncoder]" : "[PredictorHead]";
            report(DiagnosticDescriptors.ByolIncomplete, byol.Location, new object?[] { task.TaskName, missing });
        }

        if (queue is not null)
        {
            if (momentum is null)
            {
                report(DiagnosticDescriptors.QueueInvalid, queue.Location, new object?[] { "NegativeQueue needs a [MomentumEncoder]: the queue holds keys from the momentum (target) network" });
            }

            int size = queue.Model.Int("Size");
            int batch = task.OfCategory(AttributeCategory.Training).FirstOrDefault()?.Model.Int("BatchSize") ?? 256;
            if (size <= 0 || (batch > 0 && size % batch != 0))
            {
                report(DiagnosticDescriptors.QueueInvalid, queue.LocationOf("Size"), new object?[]
                {
                    $"NegativeQueue.Size is {size}; it must be a positive multiple of the batch size {batch} (e.g. {Math.Max(1, size / Math.Max(1, batch)) * Math.Max(1, batch)})",
                });
            }
        }
    }

    private static void CheckFineTune(ParsedTask task, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        var fine = task.OfCategory(AttributeCategory.FineTune).FirstOrDefault();
        if (fine is null)
        {
            return;
        }

        int classes = fine.Model.Int("Classes");
        if (classes < 2 && !fine.InvalidArguments.Contains("Classes"))
        {
            report(DiagnosticDescriptors.FineTuneInvalid, fine.LocationOf("Classes"), new object?[] { $"FineTune.Classes is {classes}; a classifier needs at least 2 classes" });
        }

        if (fine.Model.Text("Mode") == "PartialUnfreeze" && fine.Model.Int("UnfreezeLastLayers") < 1)
        {
            report(DiagnosticDescriptors.FineTuneInvalid, fine.LocationOf(fine.ArgumentLocations.ContainsKey("UnfreezeLastLayers") ? "UnfreezeLastLayers" : "Mode"), new object?[]
            {
                $"FineTune.Mode is PartialUnfreeze but UnfreezeLastLayers is {fine.Model.Int("UnfreezeLastLayers")}; set UnfreezeLastLayers >= 1 (the number of top encoder blocks to train)",
            });
        }
    }

    private static void CheckText(ParsedAttribute? input, List<ParsedAttribute> steps, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        foreach (var mask in steps.Where(s => s.Spec.Name == "MaskTokens"))
        {
            double m = mask.Model.Double("ReplaceWithMask");
            double r = mask.Model.Double("ReplaceWithRandom");
            if (m + r > 1 + 1e-12)
            {
                report(DiagnosticDescriptors.MaskSplitTooLarge, mask.LocationOf(mask.ArgumentLocations.ContainsKey("ReplaceWithRandom") ? "ReplaceWithRandom" : "ReplaceWithMask"), new object?[] { Format(m), Format(r), Format(m + r) });
            }
        }

        if (input?.Model.Name != "TextInput")
        {
            return;
        }

        int vocab = input.Model.Int("VocabSize");
        if (vocab <= 0)
        {
            report(DiagnosticDescriptors.TextVocabularyInvalid, input.LocationOf("VocabSize"), new object?[] { $"TextInput.VocabSize is {vocab}; set it to the tokenizer's vocabulary size (> 0)" });
            return;
        }

        foreach (var id in new[] { "PadId", "MaskId", "ClsId", "SepId" })
        {
            int v = input.Model.Int(id);
            if (v < 0 || v >= vocab)
            {
                report(DiagnosticDescriptors.TextVocabularyInvalid, input.LocationOf(id), new object?[] { $"TextInput.{id} is {v}; it must be a token id in [0, VocabSize = {vocab})" });
            }
        }
    }

    private static void CheckMultiTask(ParsedTask task, Action<DiagnosticDescriptor, Location, object?[]> report)
    {
        if (task.Members.Count == 0)
        {
            report(DiagnosticDescriptors.NoObjective, task.IdentifierLocation, new object?[] { task.Type.Name });
            return;
        }

        string? firstInput = null;
        foreach (var m in task.Members)
        {
            if (m.TypeName is null)
            {
                continue;
            }

            if (!m.IsPretextTask)
            {
                report(DiagnosticDescriptors.MultiTaskInvalid, m.Attribute.LocationOf("Task"), new object?[] { $"'{m.TypeName}' is not a pretext task; [Objective] takes a class marked [PretextTask]" });
                continue;
            }

            if (m.Input is null)
            {
                continue;
            }

            if (m.HasAdversarial)
            {
                report(DiagnosticDescriptors.MultiTaskInvalid, m.Attribute.LocationOf("Task"), new object?[] { $"'{m.TypeName}' declares [AdversarialLoss], whose discriminator needs its own alternating optimizer; pretrain it on its own, or drop the adversarial term for multi-task pretraining" });
            }

            int shared = task.EncoderMembers.FirstOrDefault()?.Attribute.Model.Int("OutputDim")
                ?? task.OfCategory(AttributeCategory.Backbone).FirstOrDefault()?.Model.Int("OutputDim") ?? 0;
            if (shared > 0 && m.EncoderOutputDim > 0 && shared != m.EncoderOutputDim)
            {
                report(DiagnosticDescriptors.DimensionMismatch, m.Attribute.LocationOf("Task"), new object?[] { $"'{m.TypeName}' sizes its heads for an encoder of {m.EncoderOutputDim} features, but the shared encoder of '{task.Type.Name}' returns {shared}; make the OutputDim values equal" });
            }

            firstInput ??= m.Input;
            if (m.Input != firstInput)
            {
                report(DiagnosticDescriptors.MultiTaskInvalid, m.Attribute.LocationOf("Task"), new object?[] { $"'{m.TypeName}' takes [{m.Input}] but the first member takes [{firstInput}]; every member of a multi-task pretraining must read the same input" });
            }
        }

        foreach (var group in task.Members.Where(m => m.TypeName is not null).GroupBy(m => m.TypeName))
        {
            foreach (var duplicate in group.Skip(1))
            {
                report(DiagnosticDescriptors.MultiTaskInvalid, duplicate.Attribute.Location, new object?[] { $"'{group.Key}' is listed twice; list each member task once and set its Weight" });
            }
        }
    }
}
