using System;

namespace SslDsl;

/// <summary>The learning-rate multiplier of a schedule at a given step.</summary>
public static class LearningRateSchedules
{
    /// <summary>
    /// The factor by which the base learning rate is multiplied at <paramref name="step"/>
    /// (0-based) of <paramref name="totalSteps"/>, with <paramref name="stepsPerEpoch"/> steps per epoch.
    /// Warm-up rises linearly from 1/warmupSteps to 1; cosine decays as
    /// min + (1 - min) * (1 + cos(pi * t)) / 2 with t the fraction of the post-warm-up steps done.
    /// </summary>
    public static double Factor(ScheduleSettings schedule, long step, long totalSteps, long stepsPerEpoch, double baseLearningRate)
    {
        if (totalSteps <= 0 || stepsPerEpoch <= 0)
        {
            return 1.0;
        }

        double minFactor = baseLearningRate > 0 ? schedule.MinLearningRate / baseLearningRate : 0.0;
        switch (schedule.Kind)
        {
            case ScheduleKind.Constant:
                return 1.0;

            case ScheduleKind.Step:
            {
                long epoch = step / stepsPerEpoch;
                return Math.Pow(schedule.Gamma, epoch / Math.Max(1, schedule.StepEpochs));
            }

            case ScheduleKind.Cosine:
                return Cosine(step, totalSteps, minFactor);

            case ScheduleKind.WarmupCosine:
            {
                long warmup = (long)Math.Round(schedule.WarmupEpochs * stepsPerEpoch);
                warmup = Math.Min(warmup, totalSteps);
                if (step < warmup)
                {
                    return (step + 1) / (double)warmup;
                }

                return Cosine(step - warmup, totalSteps - warmup, minFactor);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(schedule), schedule.Kind, "Unknown schedule kind.");
        }
    }

    private static double Cosine(long step, long steps, double minFactor)
    {
        if (steps <= 1)
        {
            return 1.0;
        }

        double t = Math.Clamp(step / (double)(steps - 1), 0.0, 1.0);
        return minFactor + ((1.0 - minFactor) * 0.5 * (1.0 + Math.Cos(Math.PI * t)));
    }
}
