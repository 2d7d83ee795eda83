using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

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
        var projection = c.Head("ProjectionHead");
        if (projection is null)
        {
            return c.EncoderOutputDim;
        }

        int output = projection.Model.Int("Output");
        return projection.IsKnown("Output") && output > 0 ? output : null;
    }

    private static void CheckPredictor(ValidationContext c)
    {
        var predictor = c.Head("PredictorHead");
        if (predictor is null || !predictor.IsKnown("Output"))
        {
            return;
        }

        int output = predictor.Model.Int("Output");
        if (TargetWidth(c) is { } expected && output > 0 && output != expected)
        {
            string target = c.Head("ProjectionHead") is null ? "the encoder output (OutputDim" : "the projection output (ProjectionHead.Output";
            c.Report(DiagnosticDescriptors.DimensionMismatch, predictor.LocationOf("Output"),
                $"PredictorHead.Output is {output}, but the predictor regresses {target} = {expected}) of the target network; set Output = {expected}");
        }
    }

    private static void CheckTransformer(ValidationContext c)
    {
        var backbone = c.Single(AttributeCategory.Backbone);
        if (backbone is null || !backbone.AreKnown("Kind", "Width", "Heads") || backbone.Model.Text("Kind") != "TransformerEncoder")
        {
            return;
        }

        int width = backbone.Model.Int("Width");
        int heads = backbone.Model.Int("Heads");
        if (width > 0 && heads > 0 && width % heads != 0)
        {
            c.Report(DiagnosticDescriptors.DimensionMismatch, backbone.LocationOf("Heads"),
                $"Backbone.Heads is {heads}, which does not divide Backbone.Width ({width}): attention splits the width evenly across heads; use a divisor of {width}, e.g. {LargestDivisor(width, heads)}");
        }
    }

    private static void CheckByol(ValidationContext c)
    {
        var byol = c.Objective("ByolLoss");
        var momentum = c.Head("MomentumEncoder");
        var predictor = c.Head("PredictorHead");
        if (byol is null || !c.TrustAbsence || (momentum is not null && predictor is not null))
        {
            return;
        }

        int output = TargetWidth(c) ?? 128;
        var projection = c.Head("ProjectionHead");
        int hidden = projection is not null && projection.IsKnown("Hidden") && projection.Model.Int("Hidden") > 0 ? projection.Model.Int("Hidden") : 512;
        var missing = new List<string>();
        var add = new List<string>();
        if (momentum is null)
        {
            missing.Add("[MomentumEncoder]");
            add.Add("[MomentumEncoder(Momentum = 0.99)]");
        }

        if (predictor is null)
        {
            missing.Add("[PredictorHead]");
            add.Add($"[PredictorHead(Hidden = {hidden}, Output = {output})]");
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticDescriptors.AddMomentumEncoderProperty, momentum is null ? "true" : "false")
            .Add(DiagnosticDescriptors.AddPredictorHeadProperty, predictor is null ? "true" : "false")
            .Add(DiagnosticDescriptors.PredictorOutputProperty, output.ToString(CultureInfo.InvariantCulture))
            .Add(DiagnosticDescriptors.PredictorHiddenProperty, hidden.ToString(CultureInfo.InvariantCulture));
        c.Report(DiagnosticDescriptors.ByolIncomplete, byol.Location, properties, c.Name, ValidationContext.List(missing), ValidationContext.List(add));
    }

    private static void CheckQueue(ValidationContext c)
    {
        var queue = c.Head("NegativeQueue");
        if (queue is null)
        {
            return;
        }

        if (c.Head("MomentumEncoder") is null && c.TrustAbsence)
        {
            c.Report(DiagnosticDescriptors.QueueInvalid, queue.Location,
                "NegativeQueue needs a [MomentumEncoder]: the queue holds keys encoded by the momentum (target) network; add [MomentumEncoder(Momentum = 0.999)]");
        }

        if (!queue.IsKnown("Size"))
        {
            return;
        }

        int size = queue.Model.Int("Size");
        var training = c.Single(AttributeCategory.Training);
        int batch = training is null ? 256 : training.IsKnown("BatchSize") ? training.Model.Int("BatchSize") : 0;
        if (size <= 0)
        {
            string example = batch > 0 ? (batch * 16).ToString(CultureInfo.InvariantCulture) : "4096";
            c.Report(DiagnosticDescriptors.QueueInvalid, queue.LocationOf("Size"),
                $"NegativeQueue.Size is {size}, but it must be a positive multiple of the batch size; set it to e.g. {example}");
        }
        else if (batch > 0 && size % batch != 0)
        {
            int nearest = Math.Max(1, (int)Math.Round(size / (double)batch)) * batch;
            c.Report(DiagnosticDescriptors.QueueInvalid, queue.LocationOf("Size"),
                $"NegativeQueue.Size is {size}, which is not a multiple of Training.BatchSize ({batch}): each step replaces one batch of keys; set it to a multiple such as {nearest}");
        }
    }

    private static int LargestDivisor(int width, int atMost)
    {
        for (int d = Math.Min(width, atMost); d >= 1; d--)
        {
            if (width % d == 0)
            {
                return d;
            }
        }

        return 1;
    }
}
