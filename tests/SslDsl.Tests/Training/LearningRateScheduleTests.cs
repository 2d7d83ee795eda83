using System.Linq;
using Xunit;

namespace SslDsl.Tests.Training;

/// <summary>
/// The warm-up of <see cref="LearningRateSchedules.Factor"/>, against hand-computed factors: a warm-up as long as
/// training, or longer, stays in warm-up for the whole run and reaches the base rate at the last step (what the
/// SSL032 warning says); a shorter one hands over to the cosine.
/// </summary>
public class LearningRateScheduleTests
{
    private const long StepsPerEpoch = 10;

    private static double[] Factors(double warmupEpochs, int epochs) =>
        Enumerable.Range(0, (int)(epochs * StepsPerEpoch))
            .Select(step => LearningRateSchedules.Factor(new ScheduleSettings(ScheduleKind.WarmupCosine, warmupEpochs, 0.0, 30, 0.1), step, epochs * StepsPerEpoch, StepsPerEpoch, 1e-3))
            .ToArray();

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void WarmupAtLeastAsLongAsTrainingRisesLinearlyToTheBaseRateAtTheLastStep(double warmupEpochs)
    {
        // Ten steps of one epoch: (step + 1) / 10.
        double[] expected = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 };

        Assert.Equal(expected, Factors(warmupEpochs, epochs: 1), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void HalfAnEpochOfWarmupHandsOverToTheCosine()
    {
        // Warm-up of 5 steps: 0.2 ... 1.0; then the cosine over the other 5: (1 + cos(pi * k / 4)) / 2 for k = 0..4.
        double[] expected = { 0.2, 0.4, 0.6, 0.8, 1.0, 1.0, 0.85355339059327373, 0.5, 0.14644660940672624, 0.0 };

        Assert.Equal(expected, Factors(0.5, epochs: 1), new ToleranceComparer(1e-12));
    }

    private sealed class ToleranceComparer(double tolerance) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => System.Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
