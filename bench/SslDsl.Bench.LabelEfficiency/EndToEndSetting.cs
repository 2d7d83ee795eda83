using System.Globalization;
using SslDsl;

namespace SslDsl.Bench.LabelEfficiency;

/// <summary>One setting an end-to-end method ((a) from scratch, (c) full fine-tune) is tried with: the learning rate, and the
/// scale of the encoder's learning rate against the head's (1 for (a), whose encoder starts random).</summary>
internal sealed record EndToEndSetting(double LearningRate, double EncoderLearningRateScale)
{
    /// <summary>The declared fine-tune settings with this learning rate and encoder scale.</summary>
    public FineTuneSettings Apply(FineTuneSettings declared) =>
        declared with { LearningRate = LearningRate, EncoderLearningRateScale = EncoderLearningRateScale };

    /// <summary>"lr 0.001" or "lr 0.001, encoder x0.1", as the tables print it.</summary>
    public override string ToString() => EncoderLearningRateScale == 1.0
        ? string.Create(CultureInfo.InvariantCulture, $"lr {LearningRate:G2}")
        : string.Create(CultureInfo.InvariantCulture, $"lr {LearningRate:G2}, encoder x{EncoderLearningRateScale:G2}");
}
