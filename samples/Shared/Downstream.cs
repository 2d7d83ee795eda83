using System;
using SslDsl;

namespace SslDslSamples;

/// <summary>The downstream runs the samples compare: one fine-tuner, trained on the labels and scored on the test set.</summary>
internal static class Downstream
{
    /// <summary>
    /// Trains <paramref name="tuner"/> on <paramref name="train"/> and returns its accuracy on <paramref name="test"/>;
    /// disposes the tuner and <paramref name="owned"/> (the model built for this run alone, if any) afterwards.
    /// </summary>
    public static double TestAccuracy<TBatch>(FineTuner<TBatch> tuner, Dataset<TBatch> train, Dataset<TBatch> test, IDisposable? owned = null)
        where TBatch : IBatch<TBatch>
    {
        using (owned)
        using (tuner)
        {
            return tuner.Fit(train, test).Test!.Accuracy;
        }
    }

    /// <summary>
    /// A linear probe: trained on <paramref name="train"/> but its last <see cref="FineTuner{TBatch}.ValidationFraction"/>,
    /// its learning rate and weight decay chosen on that last part, the final head (on all of <paramref name="train"/>)
    /// scored once on <paramref name="test"/>; disposes the tuner and <paramref name="owned"/> afterwards.
    /// </summary>
    public static LinearProbeResult Probe<TBatch>(FineTuner<TBatch> tuner, Dataset<TBatch> train, Dataset<TBatch> test, IDisposable? owned = null)
        where TBatch : IBatch<TBatch>
    {
        using (owned)
        using (tuner)
        {
            return tuner.Fit(train, test).Probe!;
        }
    }

    /// <summary>
    /// A linear probe: trained on <paramref name="fit"/>, its learning rate and weight decay chosen on
    /// <paramref name="validation"/>, the final head (on both) scored once on <paramref name="test"/>; disposes the
    /// tuner and <paramref name="owned"/> afterwards.
    /// </summary>
    public static LinearProbeResult Probe<TBatch>(FineTuner<TBatch> tuner, Dataset<TBatch> fit, Dataset<TBatch> validation, Dataset<TBatch> test, IDisposable? owned = null)
        where TBatch : IBatch<TBatch>
    {
        using (owned)
        using (tuner)
        {
            return tuner.Fit(fit, validation, test).Probe!;
        }
    }

    /// <summary>How many points of test accuracy <paramref name="pretrained"/> adds over <paramref name="baseline"/>, signed ("+1.23", "-0.40").</summary>
    public static string Points(LinearProbeResult pretrained, LinearProbeResult baseline) =>
        (100 * (pretrained.Test!.Accuracy - baseline.Test!.Accuracy)).ToString("+0.00;-0.00", System.Globalization.CultureInfo.InvariantCulture);
}
