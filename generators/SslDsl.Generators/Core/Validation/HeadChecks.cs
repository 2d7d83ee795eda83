using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Heads: the predictor's width against the target's (SSL016), the transformer's width against its
/// heads (SSL016), BYOL's momentum encoder and predictor (SSL017), and the negative queue (SSL018).
/// </summary>
internal static class HeadChecks
{
    public static void Check(ValidationContext c)
    {
        CheckPredictor(c);
        CheckTransformer(c);
        CheckByol(c);
        CheckQueue(c);
    }

    /// <summary>The width the predictor must return: the projection's output, else the encoder's; null when unknown.</summary>
    public static int? TargetWidth(ValidationContext c)
    {
        var projection = c.Find(ProjectionHead);
        if (projection is null)
        {
            return c.EncoderOutputDim;
        }

        int output = projection.Get(ProjectionHead.Output);
        return projection.IsKnown(ProjectionHead.Output) && output > 0 ? output : null;
    }

    /// <summary>
    /// The arguments of a predictor a repair adds: as wide inside as the projection (else the default) and
    /// returning the target's width, e.g. <c>Hidden = 256, Output = 64</c>.
    /// </summary>
    public static string PredictorArguments(ValidationContext c)
    {
        int output = TargetWidth(c) ?? ProjectionHead.Output.Default;
        var projection = c.Find(ProjectionHead);
        int hidden = projection is not null && projection.IsKnown(ProjectionHead.Hidden) && projection.Get(ProjectionHead.Hidden) > 0 ? projection.Get(ProjectionHead.Hidden) : PredictorHead.Hidden.Default;
        return $"{PredictorHead.Hidden.Name} = {hidden.ToString(CultureInfo.InvariantCulture)}, {PredictorHead.Output.Name} = {output.ToString(CultureInfo.InvariantCulture)}";
    }

    private static void CheckPredictor(ValidationContext c)
    {
        var predictor = c.Find(PredictorHead);
        if (predictor is null || !predictor.IsKnown(PredictorHead.Output))
        {
            return;
        }

        int output = predictor.Get(PredictorHead.Output);
        if (TargetWidth(c) is { } expected && output > 0 && output != expected)
        {
            string target = c.Find(ProjectionHead) is null ? "the encoder output (OutputDim" : "the projection output (ProjectionHead.Output";
            string of = c.Find(ProjectionHead) is null ? "the encoder's output" : "the projection's output";
            var repair = Repair.Set($"Set Output = {expected} ({of})", predictor.LocationOf(PredictorHead.Output), PredictorHead.Output, expected.ToString(CultureInfo.InvariantCulture));
            c.ReportRepairable(DiagnosticDescriptors.DimensionMismatch, predictor.LocationOf(PredictorHead.Output), new[] { repair },
                $"PredictorHead.Output is {output}, but the predictor regresses {target} = {expected}) of the target network; set Output = {expected}");
        }
    }

    private static void CheckTransformer(ValidationContext c)
    {
        var backbone = c.Find(Backbone);
        if (backbone is null || !backbone.AreKnown(Backbone.Kind, Backbone.Width, Backbone.Heads) || backbone.Get(Backbone.Kind) != "TransformerEncoder")
        {
            return;
        }

        int width = backbone.Get(Backbone.Width);
        int heads = backbone.Get(Backbone.Heads);
        if (width > 0 && heads > 0 && width % heads != 0)
        {
            int divisor = Divisors.Largest(width, heads);
            var repair = Repair.Set($"Set Heads = {divisor} (divides Width {width})", backbone.LocationOf(Backbone.Heads), Backbone.Heads, divisor.ToString(CultureInfo.InvariantCulture));
            c.ReportRepairable(DiagnosticDescriptors.DimensionMismatch, backbone.LocationOf(Backbone.Heads), new[] { repair },
                $"Backbone.Heads is {heads}, which does not divide Backbone.Width ({width}): attention splits the width evenly across heads; use a divisor of {width}, e.g. {divisor}");
        }
    }

    private static void CheckByol(ValidationContext c)
    {
        var byol = c.Find(ByolLoss);
        var momentum = c.Find(MomentumEncoder);
        var predictor = c.Find(PredictorHead);
        if (byol is null || !c.TrustAbsence || (momentum is not null && predictor is not null))
        {
            return;
        }

        var projection = c.Find(ProjectionHead);
        // The missing heads go after the projection (else before the loss), the predictor first.
        var missing = new List<(AttributeSpec Spec, string Arguments)>();
        if (predictor is null)
        {
            missing.Add((PredictorHead, PredictorArguments(c)));
        }

        if (momentum is null)
        {
            missing.Add((MomentumEncoder, $"{MomentumEncoder.Momentum.Name} = {ArgValue.FormatDouble(MomentumEncoder.Momentum.Default)}"));
        }

        var anchor = projection?.Location ?? byol.Location;
        var repair = new Repair(
            "Add " + string.Join(" and ", missing.Select(m => Repair.Written(m.Spec, m.Arguments))),
            null,
            missing.Select(m => Repair.AddEdit(anchor, after: projection is not null, m.Spec, m.Arguments)));
        var ordered = missing.OrderBy(m => m.Spec == MomentumEncoder ? 0 : 1).ToList();
        c.ReportRepairable(DiagnosticDescriptors.ByolIncomplete, byol.Location, new[] { repair }, c.Name,
            ValidationContext.List(ordered.Select(m => $"[{m.Spec.Name}]")), ValidationContext.List(ordered.Select(m => Repair.Written(m.Spec, m.Arguments))));
    }

    private static void CheckQueue(ValidationContext c)
    {
        var queue = c.Find(NegativeQueue);
        if (queue is null)
        {
            return;
        }

        if (c.Find(MomentumEncoder) is null && c.TrustAbsence)
        {
            var add = new Repair($"Add {Repair.Written(MomentumEncoder, "Momentum = 0.999")}", null, new[] { Repair.AddEdit(queue.Location, after: false, MomentumEncoder, "Momentum = 0.999") });
            c.ReportRepairable(DiagnosticDescriptors.QueueInvalid, queue.Location, new[] { add },
                "NegativeQueue needs a [MomentumEncoder]: the queue holds keys encoded by the momentum (target) network; add [MomentumEncoder(Momentum = 0.999)]");
        }

        if (!queue.IsKnown(NegativeQueue.Size))
        {
            return;
        }

        int size = queue.Get(NegativeQueue.Size);
        int batch = c.Resolved(Training.BatchSize) ?? 0;
        if (size <= 0)
        {
            string example = batch > 0 ? (batch * 16).ToString(CultureInfo.InvariantCulture) : NegativeQueue.Size.DefaultLiteral!;
            var repair = Repair.Set($"Set Size = {example} ({(batch > 0 ? "16 batches" : "the default")})", queue.LocationOf(NegativeQueue.Size), NegativeQueue.Size, example);
            c.ReportRepairable(DiagnosticDescriptors.QueueInvalid, queue.LocationOf(NegativeQueue.Size), new[] { repair },
                $"NegativeQueue.Size is {size}, but it must be a positive multiple of the batch size; set it to e.g. {example}");
        }
        else if (batch > 0 && size % batch != 0)
        {
            long up = ((long)size / batch + 1) * batch;
            var repairs = up <= int.MaxValue ? new[] { Repair.Set($"Round Size up to {up} ({up / batch} batches)", queue.LocationOf(NegativeQueue.Size), NegativeQueue.Size, up.ToString(CultureInfo.InvariantCulture)) } : new Repair[0];
            c.ReportRepairable(DiagnosticDescriptors.QueueInvalid, queue.LocationOf(NegativeQueue.Size), repairs,
                $"NegativeQueue.Size is {size}, which is not a multiple of Training.BatchSize ({batch}): each step replaces one batch of keys; round it up to {up}");
        }
    }
}
