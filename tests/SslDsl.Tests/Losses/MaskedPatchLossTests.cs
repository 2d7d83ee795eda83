using System;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.LossTests;

/// <summary>
/// MAE's loss on patch sequences (the ViT path): each target patch normalized by its own mean and unbiased variance,
/// the squared error averaged over a patch's values, then over the hidden patches (MAE's norm_pix_loss), by hand.
/// </summary>
public class MaskedPatchLossTests
{
    [Fact]
    public void NormalizedLossOnTheHiddenPatchesEqualsTheHandComputedValue()
    {
        using var scope = torch.NewDisposeScope();
        // One image, two patches of 4 values: A = [1, 2, 3, 4] (visible), B = [0, 0, 0, 4] (hidden).
        var target = torch.tensor(new float[] { 1, 2, 3, 4, 0, 0, 0, 4 }).view(1, 2, 4);
        var prediction = torch.tensor(new float[] { 0, 0, 0, 0, 1, 1, 1, 1 }).view(1, 2, 4);
        var mask = torch.tensor(new float[] { 0, 1 }).view(1, 2, 1);

        double eps = Losses.PatchNormEpsilon;
        // A: mean 2.5, unbiased variance 5/3; B: mean 1, unbiased variance 4.
        double[] a = { 1, 2, 3, 4 }, b = { 0, 0, 0, 4 };
        double errorA = Error(a, 2.5, 5.0 / 3, new double[] { 0, 0, 0, 0 }, eps);
        double errorB = Error(b, 1.0, 4.0, new double[] { 1, 1, 1, 1 }, eps);

        double hiddenOnly = Losses.Reconstruction(prediction, target, mask: mask, normalizeTargets: true, patchSize: 0).item<float>();
        double everyPatch = Losses.Reconstruction(prediction, target, mask: null, normalizeTargets: true, patchSize: 0).item<float>();
        Assert.Equal(errorB, hiddenOnly, 5);
        Assert.Equal((errorA + errorB) / 2, everyPatch, 5);
        // About 1.75 and 1.25: z of B is (-0.5, -0.5, -0.5, 1.5), mean((z - 1)^2) = 0.75 + 1.
        Assert.Equal(1.75, hiddenOnly, 4);
        Assert.Equal(1.25, everyPatch, 4);
    }

    /// <summary>mean over the patch of ((x - mean) / sqrt(var + eps) - prediction)^2.</summary>
    private static double Error(double[] x, double mean, double variance, double[] prediction, double eps)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double z = (x[i] - mean) / Math.Sqrt(variance + eps);
            sum += (z - prediction[i]) * (z - prediction[i]);
        }

        return sum / x.Length;
    }
}
