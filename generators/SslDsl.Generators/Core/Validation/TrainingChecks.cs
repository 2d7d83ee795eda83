using static SslDsl.Generators.AttributeCatalog;

namespace SslDsl.Generators;

/// <summary>
/// Fine-tuning (SSL021) and the values that only make sense together: warm-up against the number
/// of epochs (SSL032, a warning: a run that only warms up is legal, a 1-epoch smoke run often is one) and
/// the final learning rate against the base one (SSL025).
/// </summary>
internal static class TrainingChecks
{
    public static void Check(ValidationContext c)
    {
        CheckFineTune(c);
        CheckSchedule(c);
    }

    private static void CheckFineTune(ValidationContext c)
    {
        var fine = c.Find(FineTune);
        if (fine is null)
        {
            return;
        }

        int classes = fine.Get(FineTune.Classes);
        if (fine.IsKnown(FineTune.Classes) && classes < 2)
        {
            c.Report(DiagnosticDescriptors.FineTuneInvalid, fine.LocationOf(FineTune.Classes),
                $"FineTune.Classes is {classes}, but a classifier needs at least 2 classes; set Classes to the number of labels in the downstream data");
        }

        int unfreeze = fine.Get(FineTune.UnfreezeLastLayers);
        if (!fine.AreKnown(FineTune.Mode, FineTune.UnfreezeLastLayers))
        {
            return;
        }

        if (fine.Get(FineTune.Mode) == "PartialUnfreeze" && unfreeze < 1)
        {
            var repairs = new[]
            {
                Repair.Set($"Set {FineTune.UnfreezeLastLayers.Name} = 1", fine.Location, FineTune.UnfreezeLastLayers, "1"),
                Repair.Set($"Use {FineTune.Mode.EnumType}.LinearProbe", fine.Location, FineTune.Mode, FineTune.Mode.EnumType + ".LinearProbe").As("LinearProbe"),
            };
            c.ReportRepairable(DiagnosticDescriptors.FineTuneInvalid, fine.IsWritten(FineTune.UnfreezeLastLayers) ? fine.LocationOf(FineTune.UnfreezeLastLayers) : fine.LocationOf(FineTune.Mode), repairs,
                $"FineTune.Mode is PartialUnfreeze but UnfreezeLastLayers is {unfreeze}; set UnfreezeLastLayers >= 1 (the number of top encoder blocks to train), or use FineTuneMode.LinearProbe");
        }
        else if (unfreeze < 0)
        {
            c.ReportRepairable(DiagnosticDescriptors.FineTuneInvalid, fine.LocationOf(FineTune.UnfreezeLastLayers),
                new[] { Repair.Set($"Clamp {FineTune.UnfreezeLastLayers.Name} to 0", fine.Location, FineTune.UnfreezeLastLayers, "0") },
                $"FineTune.UnfreezeLastLayers is {unfreeze}, but a number of layers cannot be negative; set it to 0 or more");
        }
    }

    private static void CheckSchedule(ValidationContext c)
    {
        var schedule = c.Find(LearningRateSchedule);
        if (schedule is null || !schedule.IsKnown(LearningRateSchedule.Kind))
        {
            return;
        }

        string kind = schedule.Get(LearningRateSchedule.Kind);
        double warmup = schedule.Get(LearningRateSchedule.WarmupEpochs);
        if (kind == "WarmupCosine" && schedule.IsKnown(LearningRateSchedule.WarmupEpochs) && c.Resolved(Training.Epochs) is { } epochs && epochs >= 1 && warmup >= 0 && warmup >= epochs)
        {
            string shorter = ArgValue.FormatDouble(epochs - 1);
            var repair = Repair.Set($"Shorten {LearningRateSchedule.WarmupEpochs.Name} to {shorter} (below Training.Epochs)", schedule.Location, LearningRateSchedule.WarmupEpochs, shorter);
            c.ReportRepairable(DiagnosticDescriptors.WarmupCoversTraining, schedule.LocationOf(LearningRateSchedule.WarmupEpochs), new[] { repair }, ValidationContext.Format(warmup), epochs);
        }

        double min = schedule.Get(LearningRateSchedule.MinLearningRate);
        if (kind is "Cosine" or "WarmupCosine" && schedule.IsKnown(LearningRateSchedule.MinLearningRate) && c.Resolved(Optimizer.LearningRate) is { } rate && rate > 0 && min >= 0 && min > rate)
        {
            var min0 = LearningRateSchedule.MinLearningRate;
            var repair = Repair.Set($"Set {min0.Name} = {min0.DefaultLiteral} (the default)", schedule.Location, min0, min0.DefaultLiteral!);
            c.ReportRepairable(DiagnosticDescriptors.TrainingValueOutOfRange, schedule.LocationOf(LearningRateSchedule.MinLearningRate), new[] { repair }, LearningRateSchedule.Name, LearningRateSchedule.MinLearningRate.Name,
                ValidationContext.Format(min), $"<= Optimizer.LearningRate ({ValidationContext.Format(rate)})", "the cosine decays from the base rate down to it; lower MinLearningRate");
        }
    }
}
