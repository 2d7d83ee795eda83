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
}
