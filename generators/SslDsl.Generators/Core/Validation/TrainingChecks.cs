namespace SslDsl.Generators;

/// <summary>
/// Fine-tuning (SSL021) and the values that only make sense together: warm-up against the number
/// of epochs and the final learning rate against the base one (SSL025).
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
        var fine = c.Single(AttributeCategory.FineTune);
        if (fine is null)
        {
            return;
        }

        int classes = fine.Model.Int("Classes");
        if (fine.IsKnown("Classes") && classes < 2)
        {
            c.Report(DiagnosticDescriptors.FineTuneInvalid, fine.LocationOf("Classes"),
                $"FineTune.Classes is {classes}, but a classifier needs at least 2 classes; set Classes to the number of labels in the downstream data");
        }

        int unfreeze = fine.Model.Int("UnfreezeLastLayers");
        if (!fine.AreKnown("Mode", "UnfreezeLastLayers"))
        {
            return;
        }

        if (fine.Model.Text("Mode") == "PartialUnfreeze" && unfreeze < 1)
        {
            c.Report(DiagnosticDescriptors.FineTuneInvalid, fine.LocationOf(fine.IsWritten("UnfreezeLastLayers") ? "UnfreezeLastLayers" : "Mode"),
                $"FineTune.Mode is PartialUnfreeze but UnfreezeLastLayers is {unfreeze}; set UnfreezeLastLayers >= 1 (the number of top encoder blocks to train), or use FineTuneMode.LinearProbe");
        }
        else if (unfreeze < 0)
        {
            c.Report(DiagnosticDescriptors.FineTuneInvalid, fine.LocationOf("UnfreezeLastLayers"),
                $"FineTune.UnfreezeLastLayers is {unfreeze}, but a number of layers cannot be negative; set it to 0 or more");
        }
    }

    private static void CheckSchedule(ValidationContext c)
    {
        var schedule = c.Single(AttributeCategory.Schedule);
        if (schedule is null || !schedule.IsKnown("Kind"))
        {
            return;
        }

        string? kind = schedule.Model.Text("Kind");
        var training = c.Single(AttributeCategory.Training);
        double warmup = schedule.Model.Double("WarmupEpochs");
        int epochs = training?.Model.Int("Epochs") ?? 10;
        bool epochsKnown = training is null || training.IsKnown("Epochs");
        if (kind == "WarmupCosine" && schedule.IsKnown("WarmupEpochs") && epochsKnown && epochs >= 1 && warmup >= 0 && warmup >= epochs)
        {
            c.Report(DiagnosticDescriptors.TrainingValueOutOfRange, schedule.LocationOf("WarmupEpochs"), "LearningRateSchedule", "WarmupEpochs",
                ValidationContext.Format(warmup), $"< Training.Epochs ({epochs})", "shorten the warm-up or train for more epochs, or the cosine decay never starts");
        }

        var optimizer = c.Single(AttributeCategory.Optimizer);
        double rate = optimizer?.Model.Double("LearningRate") ?? 1e-3;
        double min = schedule.Model.Double("MinLearningRate");
        bool rateKnown = optimizer is null || optimizer.IsKnown("LearningRate");
        if (kind is "Cosine" or "WarmupCosine" && schedule.IsKnown("MinLearningRate") && rateKnown && rate > 0 && min >= 0 && min > rate)
        {
            c.Report(DiagnosticDescriptors.TrainingValueOutOfRange, schedule.LocationOf("MinLearningRate"), "LearningRateSchedule", "MinLearningRate",
                ValidationContext.Format(min), $"<= Optimizer.LearningRate ({ValidationContext.Format(rate)})", "the cosine decays from the base rate down to it; lower MinLearningRate");
        }
    }
}
