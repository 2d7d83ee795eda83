using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// The methods of the state-of-the-art catalogue: DINO's teacher temperatures below the student's (SSL028), the
/// heads each method needs or cannot use (SSL029: DINO, SimSiam, MoCo v3, NNCLR, SwAV), and the sizes of the
/// memories they keep (SSL030: NNCLR's support set, SwAV's queue).
/// </summary>
internal static class MethodChecks
{
    /// <summary>What each method needs ([MomentumEncoder], [PredictorHead], [DinoHead]) and what it cannot use.</summary>
    private static readonly (ObjectiveSpec Method, AttributeSpec[] Needs, AttributeSpec[] Forbids, string Why)[] Heads =
    {
        (DinoLoss, new AttributeSpec[] { MomentumEncoder, DinoHead }, Array.Empty<AttributeSpec>(),
            "DINO's student matches an EMA teacher (the momentum encoder) through DINO's head"),
        (SimSiamLoss, new AttributeSpec[] { PredictorHead }, new AttributeSpec[] { MomentumEncoder },
            "SimSiam predicts the other view's projection with a predictor and needs no momentum encoder: the stop-gradient alone prevents collapse (with a momentum encoder it is BYOL: use [ByolLoss])"),
        (MocoV3Loss, new AttributeSpec[] { MomentumEncoder, PredictorHead }, new AttributeSpec[] { NegativeQueue },
            "MoCo v3 contrasts the predictor's queries with the momentum encoder's keys and takes its negatives from the batch, without a queue"),
        (NnclrLoss, Array.Empty<AttributeSpec>(), new AttributeSpec[] { MomentumEncoder },
            "NNCLR takes its positives from the support set of past embeddings of the online network; it uses no momentum encoder"),
        (SwavLoss, Array.Empty<AttributeSpec>(), new AttributeSpec[] { MomentumEncoder },
            "SwAV compares the online network's cluster assignments of the views; it uses no momentum encoder"),
    };

    public static void Check(ValidationContext c)
    {
        CheckTeacherTemperatures(c);
        CheckHeads(c);
        CheckMemory(c, NnclrLoss, NnclrLoss.SupportSetSize, allowZero: false, "the support set");
        CheckMemory(c, SwavLoss, SwavLoss.QueueSize, allowZero: true, "SwAV's queue of each global crop");
    }

    private static void CheckTeacherTemperatures(ValidationContext c)
    {
        var dino = c.Find(DinoLoss);
        if (dino is null || !dino.IsKnown(DinoLoss.StudentTemperature))
        {
            return;
        }

        double student = dino.Get(DinoLoss.StudentTemperature);
        foreach (var teacher in new[] { DinoLoss.TeacherTemperature, DinoLoss.WarmupTeacherTemperature })
        {
            double t = dino.Get(teacher);
            if (dino.IsKnown(teacher) && student > 0 && t > 0 && t >= student)
            {
                c.Report(DiagnosticDescriptors.TeacherNotSharper, dino.LocationOf(teacher), teacher.Name, ValidationContext.Format(t), ValidationContext.Format(student),
                    ValidationContext.Format(Math.Min(student * 0.4, 0.04)));
            }
        }
    }

    private static void CheckHeads(ValidationContext c)
    {
        if (!c.TrustAbsence)
        {
            return;
        }

        foreach (var (method, needs, forbids, why) in Heads)
        {
            var objective = c.Find(method);
            if (objective is null)
            {
                continue;
            }

            var missing = needs.Where(h => c.Find(h) is null).ToList();
            var extra = forbids.Where(h => c.Find(h) is not null).ToList();
            if (missing.Count == 0 && extra.Count == 0)
            {
                continue;
            }

            var additions = missing.Select(h => Declaration(c, method, h)).ToList();
            var actions = new List<string>();
            if (additions.Count > 0)
            {
                actions.Add("add " + ValidationContext.List(additions.Select(a => $"[{a}]")));
            }

            if (extra.Count > 0)
            {
                actions.Add("remove " + ValidationContext.List(extra.Select(h => $"[{h.Name}]")));
            }

            string problem = string.Join(" and ", new[]
            {
                missing.Count > 0 ? "needs " + ValidationContext.List(missing.Select(h => $"[{h.Name}]")) : null,
                extra.Count > 0 ? "cannot use " + ValidationContext.List(extra.Select(h => $"[{h.Name}]")) : null,
            }.Where(p => p is not null));
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticDescriptors.AddAttributesProperty, string.Join(";", additions))
                .Add(DiagnosticDescriptors.RemoveAttributesProperty, string.Join(";", extra.Select(h => h.Name)));
            c.Report(DiagnosticDescriptors.MethodHeadsInvalid, objective.Location, properties, method.Name, c.Name, problem, why, string.Join(" and ", actions));
        }
    }

    /// <summary>The attribute the fix adds, with the arguments the method's paper uses.</summary>
    private static string Declaration(ValidationContext c, ObjectiveSpec method, AttributeSpec head)
    {
        if (ReferenceEquals(head, PredictorHead))
        {
            int output = HeadChecks.TargetWidth(c) ?? ProjectionHead.Output.Default;
            var projection = c.Find(ProjectionHead);
            int hidden = projection is not null && projection.IsKnown(ProjectionHead.Hidden) && projection.Get(ProjectionHead.Hidden) > 0 ? projection.Get(ProjectionHead.Hidden) : PredictorHead.Hidden.Default;
            return $"PredictorHead(Hidden = {hidden.ToString(CultureInfo.InvariantCulture)}, Output = {output.ToString(CultureInfo.InvariantCulture)})";
        }

        if (ReferenceEquals(head, MomentumEncoder))
        {
            return ReferenceEquals(method, DinoLoss) ? "MomentumEncoder(Momentum = 0.996, FinalMomentum = 1.0)" : "MomentumEncoder(Momentum = 0.99, FinalMomentum = 1.0)";
        }

        return head.Name;
    }

    private static void CheckMemory(ValidationContext c, ObjectiveSpec method, IntParam size, bool allowZero, string what)
    {
        var objective = c.Find(method);
        if (objective is null || !objective.IsKnown(size))
        {
            return;
        }

        int value = objective.Get(size);
        int batch = c.Resolved(Training.BatchSize) ?? 0;
        if (value == 0 && allowZero)
        {
            return;
        }

        if (value <= 0 || (batch > 0 && value % batch != 0))
        {
            int nearest = batch > 0 ? Math.Max(1, (int)Math.Round(Math.Max(value, 0) / (double)batch)) * batch : size.Default;
            string requirement = allowZero ? "0 (none) or a positive multiple of the batch size" : "a positive multiple of the batch size";
            string batchText = batch > 0 ? $"Training.BatchSize ({batch})" : "the batch size";
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.ReplacementProperty, nearest.ToString(CultureInfo.InvariantCulture));
            c.Report(DiagnosticDescriptors.MemorySizeInvalid, objective.LocationOf(size), properties, method.Name, size.Name, value, requirement, what, batchText, nearest);
        }
    }
}
