using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Principal component analysis with torch: center, SVD, project.</summary>
public static class Pca
{
    /// <summary>
    /// Projects the rows of <paramref name="x"/> [N, D] onto its first <paramref name="components"/>
    /// principal axes: X_c = X - mean(X), X_c = U S V^T, scores = X_c V[:, :components]. Each axis is
    /// signed so that its largest-magnitude coordinate is positive (SVD signs are arbitrary).
    /// </summary>
    /// <param name="x">Data [N, D] (any float type, any device).</param>
    /// <param name="components">How many axes; at most min(N, D).</param>
    /// <param name="explainedVarianceRatio">The fraction of the total variance each axis explains.</param>
    /// <returns>Scores [N, components], float64, on the CPU.</returns>
    public static Tensor Project(Tensor x, int components, out double[] explainedVarianceRatio)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2)
        {
            throw new ArgumentException($"PCA expects a matrix [N, D]; got [{string.Join(",", x.shape)}].", nameof(x));
        }

        long rank = Math.Min(x.shape[0], x.shape[1]);
        if (components < 1 || components > rank)
        {
            throw new ArgumentOutOfRangeException(nameof(components), components, $"PCA of a [{x.shape[0]}, {x.shape[1]}] matrix can give 1..{rank} components.");
        }

        using var scope = torch.NewDisposeScope();
        var data = x.to_type(ScalarType.Float64).cpu();
        var centered = data - data.mean(new long[] { 0 }, keepdim: true);
        var (_, s, vh) = torch.linalg.svd(centered, fullMatrices: false);
        var axes = vh.narrow(0, 0, components);
        var biggest = axes.abs().argmax(1, keepdim: true);
        var signs = axes.gather(1, biggest).sign();
        signs = torch.where(signs.eq(0), torch.ones_like(signs), signs);
        axes = axes * signs;
        var variance = s.square();
        double total = variance.sum().item<double>();
        explainedVarianceRatio = new double[components];
        for (int i = 0; i < components; i++)
        {
            explainedVarianceRatio[i] = total > 0 ? variance[i].item<double>() / total : 0.0;
        }

        return centered.matmul(axes.t()).MoveToOuterDisposeScope();
    }

    /// <summary>Projects the rows of <paramref name="x"/> onto its first principal axes (see the other overload).</summary>
    public static Tensor Project(Tensor x, int components = 2) => Project(x, components, out _);
}
