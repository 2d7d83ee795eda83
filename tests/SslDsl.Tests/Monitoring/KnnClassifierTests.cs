using System;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Monitoring;

/// <summary>k-NN voting on a hand-made example where weighted and majority votes disagree.</summary>
public class KnnClassifierTests
{
    // Reference points on the unit circle: a = (1, 0) label 0, b = (0.8, 0.6) label 1, c = (0.6, 0.8) label 1.
    // The query (2, 0) has cosine similarities 1, 0.8 and 0.6 with them.
    private static torch.Tensor Reference() => torch.tensor(new float[] { 1, 0, 0.8f, 0.6f, 0.6f, 0.8f }, new long[] { 3, 2 });

    private static torch.Tensor Labels() => torch.tensor(new long[] { 0, 1, 1 });

    private static torch.Tensor Query() => torch.tensor(new float[] { 2, 0 }, new long[] { 1, 2 });

    [Fact]
    public void MajorityOfThreeNeighboursPicksTheCommonerClass()
    {
        // Votes: class 0 has 1, class 1 has 2.
        using var predicted = KnnClassifier.Predict(Reference(), Labels(), Query(), k: 3, voting: KnnVoting.Majority);
        Assert.Equal(1L, predicted[0].item<long>());
    }

    [Fact]
    public void TemperatureWeightedVotePicksTheMuchCloserNeighbour()
    {
        // T = 0.1: class 0 scores e^10 = 22026; class 1 scores e^8 + e^6 = 2981 + 403 = 3384.
        using var predicted = KnnClassifier.Predict(Reference(), Labels(), Query(), k: 3, temperature: 0.1, voting: KnnVoting.Weighted);
        Assert.Equal(0L, predicted[0].item<long>());

        // T = 10: class 0 scores e^0.1 = 1.105; class 1 scores e^0.08 + e^0.06 = 1.083 + 1.062 = 2.145.
        using var hot = KnnClassifier.Predict(Reference(), Labels(), Query(), k: 3, temperature: 10, voting: KnnVoting.Weighted);
        Assert.Equal(1L, hot[0].item<long>());
    }

    [Fact]
    public void KLargerThanTheReferenceSetUsesAllOfIt()
    {
        using var predicted = KnnClassifier.Predict(Reference(), Labels(), Query(), k: 20, voting: KnnVoting.Majority);
        Assert.Equal(1L, predicted[0].item<long>());
    }

    [Fact]
    public void AccuracyCountsCorrectPredictions()
    {
        // Queries (1, 0.1) -> nearest a (label 0); (0.1, 1) -> nearest c (label 1). With k = 1 both are right
        // against labels (0, 1) and half right against (0, 0).
        using var queries = torch.tensor(new float[] { 1, 0.1f, 0.1f, 1 }, new long[] { 2, 2 });
        Assert.Equal(1.0, KnnClassifier.Accuracy(Reference(), Labels(), queries, torch.tensor(new long[] { 0, 1 }), k: 1));
        Assert.Equal(0.5, KnnClassifier.Accuracy(Reference(), Labels(), queries, torch.tensor(new long[] { 0, 0 }), k: 1));
    }

    [Fact]
    public void OutOfRangeArgumentsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KnnClassifier.Predict(Reference(), Labels(), Query(), k: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => KnnClassifier.Predict(Reference(), Labels(), Query(), temperature: 0));
        using var wide = torch.ones(1, 3);
        Assert.Throws<ArgumentException>(() => KnnClassifier.Predict(Reference(), Labels(), wide));
    }
}
