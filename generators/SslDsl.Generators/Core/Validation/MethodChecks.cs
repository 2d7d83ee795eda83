using System;
using System.Collections.Generic;
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
                // DINO's 0.04 against a student at 0.1, or 0.4 of a colder student's (to 3 digits, so the literal reads well).
                double sharper = double.Parse(Math.Min(student * 0.4, 0.04).ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                string literal = ArgValue.FormatDouble(sharper);
                var repair = Repair.Set($"Set {teacher.Name} = {literal}", dino.LocationOf(teacher), teacher, literal);
                c.ReportRepairable(DiagnosticDescriptors.TeacherNotSharper, dino.LocationOf(teacher), new[] { repair }, teacher.Name, ValidationContext.Format(t), ValidationContext.Format(student),
                    ValidationContext.Format(sharper));
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

            var additions = missing.Select(h => (Spec: h, Arguments: Arguments(c, method, h))).ToList();
            var actions = new List<string>();
            if (additions.Count > 0)
            {
                actions.Add("add " + ValidationContext.List(additions.Select(a => Repair.Written(a.Spec, a.Arguments))));
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

            // The missing heads go after the projection (else before the objective); the extra ones go.
            var projection = c.Find(ProjectionHead);
            var anchor = projection?.Location ?? objective.Location;
            var edits = additions.Select(a => Repair.AddEdit(anchor, after: projection is not null, a.Spec, a.Arguments))
                .Concat(extra.Select(h => new RepairEdit(RepairKind.RemoveAttribute, c.Find(h)!.Location)));
            string title = string.Join(" and ", actions);
            var repair = new Repair(char.ToUpperInvariant(title[0]) + title.Substring(1), null, edits);
            c.ReportRepairable(DiagnosticDescriptors.MethodHeadsInvalid, objective.Location, new[] { repair }, method.Name, c.Name, problem, why, title);
        }
    }

    /// <summary>The arguments of the head the repair adds: those the method's paper uses.</summary>
    private static string Arguments(ValidationContext c, ObjectiveSpec method, AttributeSpec head)
    {
        if (ReferenceEquals(head, PredictorHead))
        {
            return HeadChecks.PredictorArguments(c);
        }

        if (ReferenceEquals(head, MomentumEncoder))
        {
            return ReferenceEquals(method, DinoLoss) ? "Momentum = 0.996, FinalMomentum = 1.0" : "Momentum = 0.99, FinalMomentum = 1.0";
        }

        return "";
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
            // The nearest valid size: no queue for a negative one that may be 0, else the nearest multiple of the batch, at
            // least one batch (the one below when the one above overflows), else the default when the batch is unknown.
            long batches = batch > 0 ? Math.Max(1L, (long)Math.Round(Math.Max(value, 0) / (double)batch)) : 0;
            long nearest = allowZero && value < 0 ? 0 : batch > 0 ? (batches * batch <= int.MaxValue ? batches * batch : (batches - 1) * batch) : size.Default;
            string requirement = allowZero ? "0 (none) or a positive multiple of the batch size" : "a positive multiple of the batch size";
            string batchText = batch > 0 ? $"Training.BatchSize ({batch})" : "the batch size";
            string literal = nearest.ToString(CultureInfo.InvariantCulture);
            var repair = Repair.Set($"Set {size.Name} = {literal} ({(nearest == 0 ? "no queue" : batch <= 0 ? "the default" : nearest == batch ? "1 batch" : $"{nearest / batch} batches")})", objective.LocationOf(size), size, literal);
            c.ReportRepairable(DiagnosticDescriptors.MemorySizeInvalid, objective.LocationOf(size), new[] { repair }, method.Name, size.Name, value, requirement, what, batchText, nearest);
        }
    }
}
