using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Redundancy-reduction losses (Barlow Twins, VICReg): decorrelate embedding dimensions across views.</summary>
public static partial class Losses
{
    /// <summary>The epsilon added to the biased variance when Barlow Twins standardizes a dimension (as BatchNorm1d).</summary>
    public const double BarlowTwinsEpsilon = 1e-5;

    /// <summary>
    /// Barlow Twins. Each dimension of each branch is standardized over the batch with the batch-norm
    /// statistics the paper uses: (z - mean) / sqrt(biased variance + <see cref="BarlowTwinsEpsilon"/>).
    /// With C = z1n^T z2n / N (the [D, D] cross-correlation) the loss is
    /// sum_i (1 - C_ii)^2 + lambda * sum_{i != j} C_ij^2.
    /// </summary>
    /// <param name="z1">Embeddings of the first views, [N, D], N &gt;= 2.</param>
    /// <param name="z2">Embeddings of the second views, [N, D].</param>
    /// <param name="lambda">Weight of the redundancy (off-diagonal) term, &gt;= 0 (paper: 0.0051).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Lambda is negative or not finite.</exception>
    /// <exception cref="ArgumentException">The views are not [N, D] of the same shape, or N &lt; 2.</exception>
    /// <remarks>Inside a <see cref="GlobalBatch.Span"/> of several ranks, the statistics are over every rank's rows (<see cref="GlobalBatch"/>).</remarks>
    public static Tensor BarlowTwins(Tensor z1, Tensor z2, double lambda = 0.0051)
    {
        const string loss = "BarlowTwins";
        Guard.NonNegative(loss, lambda);
        Guard.Rank(loss, z1, 2, "[N, D]");
        Guard.SameShape(loss, z1, z2);
        Guard.MinBatch(loss, z1, 2, "standardizing each dimension over the batch needs two samples");
        return GlobalBatch.Over(z1, z2, (a, b) => BarlowTwinsOf(a, b, lambda));
    }

    private static Tensor BarlowTwinsOf(Tensor z1, Tensor z2, double lambda)
    {
        using var scope = torch.NewDisposeScope();
        long n = z1.shape[0];
        var c = Standardize(z1).t().matmul(Standardize(z2)).div(n);
        var diagonal = c.diagonal();
        var onDiagonal = diagonal.neg().add(1).pow(2).sum();
        var offDiagonal = c.pow(2).sum().sub(diagonal.pow(2).sum());
        return onDiagonal.add(offDiagonal.mul(lambda)).MoveToOuterDisposeScope();

        static Tensor Standardize(Tensor z)
        {
            var centered = z - z.mean(new long[] { 0 }, keepdim: true);
            var variance = centered.pow(2).mean(new long[] { 0 }, keepdim: true);
            return centered / variance.add(BarlowTwinsEpsilon).sqrt();
        }
    }

    /// <summary>
    /// VICReg: invariance * s(Z, Z') + variance * [v(Z) + v(Z')] + covariance * [c(Z) + c(Z')], the
    /// paper's formula, where s is the mean squared error over all elements;
    /// v(Z) = mean_j relu(1 - sqrt(Var(Z_j) + epsilon)) with the unbiased variance over the batch; and
    /// c(Z) = sum_{i != j} Cov(Z)_ij^2 / D with Cov(Z) = (Z - mean)^T (Z - mean) / (N - 1).
    /// (The authors' code halves the variance term; this follows the paper.)
    /// </summary>
    /// <param name="z1">Embeddings of the first views, [N, D], N &gt;= 2.</param>
    /// <param name="z2">Embeddings of the second views, [N, D].</param>
    /// <param name="invariance">Weight of s, &gt;= 0 (paper: 25).</param>
    /// <param name="variance">Weight of v, &gt;= 0 (paper: 25).</param>
    /// <param name="covariance">Weight of c, &gt;= 0 (paper: 1).</param>
    /// <param name="epsilon">Added to the variance before the square root, &gt; 0 (paper: 1e-4).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or epsilon is not &gt; 0.</exception>
    /// <exception cref="ArgumentException">The views are not [N, D] of the same shape, or N &lt; 2.</exception>
    /// <remarks>Inside a <see cref="GlobalBatch.Span"/> of several ranks, the statistics are over every rank's rows (<see cref="GlobalBatch"/>).</remarks>
    public static Tensor VicReg(Tensor z1, Tensor z2, double invariance = 25.0, double variance = 25.0, double covariance = 1.0, double epsilon = 1e-4)
    {
        using var scope = torch.NewDisposeScope();
        return VicRegCompute(z1, z2, invariance, variance, covariance, epsilon).Total.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The VICReg loss and its unweighted terms (for logging); see <see cref="VicReg"/> for the formula
    /// and the arguments. <see cref="VicRegComponents.Total"/> equals <see cref="VicReg"/>'s value.
    /// </summary>
    public static VicRegComponents VicRegTerms(Tensor z1, Tensor z2, double invariance = 25.0, double variance = 25.0, double covariance = 1.0, double epsilon = 1e-4)
    {
        using var scope = torch.NewDisposeScope();
        var terms = VicRegCompute(z1, z2, invariance, variance, covariance, epsilon);
        return new VicRegComponents(
            terms.Invariance.MoveToOuterDisposeScope(),
            terms.Variance.MoveToOuterDisposeScope(),
            terms.Covariance.MoveToOuterDisposeScope(),
            terms.Total.MoveToOuterDisposeScope());
    }

    private static VicRegComponents VicRegCompute(Tensor z1, Tensor z2, double invariance, double variance, double covariance, double epsilon)
    {
        const string loss = "VICReg";
        Guard.NonNegative(loss, invariance);
        Guard.NonNegative(loss, variance);
        Guard.NonNegative(loss, covariance);
        Guard.Positive(loss, epsilon);
        Guard.Rank(loss, z1, 2, "[N, D]");
        Guard.SameShape(loss, z1, z2);
        Guard.MinBatch(loss, z1, 2, "the unbiased variance and covariance over the batch need two samples");
        if (GlobalBatch.Ranks is { } ranks)
        {
            var global = VicRegOf(GlobalBatch.Gather(z1, ranks), GlobalBatch.Gather(z2, ranks), invariance, variance, covariance, epsilon);
            return global with { Total = GlobalBatch.ScaleGradient(global.Total, ranks.WorldSize) };
        }

        return VicRegOf(z1, z2, invariance, variance, covariance, epsilon);
    }

    private static VicRegComponents VicRegOf(Tensor z1, Tensor z2, double invariance, double variance, double covariance, double epsilon)
    {
        var invarianceTerm = nn.functional.mse_loss(z1, z2);
        var varianceTerm = VarianceTerm(z1, epsilon).add(VarianceTerm(z2, epsilon));
        var covarianceTerm = CovarianceTerm(z1).add(CovarianceTerm(z2));
        var total = invarianceTerm.mul(invariance).add(varianceTerm.mul(variance)).add(covarianceTerm.mul(covariance));
        return new VicRegComponents(invarianceTerm, varianceTerm, covarianceTerm, total);

        static Tensor VarianceTerm(Tensor z, double eps)
        {
            var std = z.var(0, unbiased: true).add(eps).sqrt();
            return std.neg().add(1).relu().mean();
        }

        static Tensor CovarianceTerm(Tensor z)
        {
            long n = z.shape[0];
            long d = z.shape[1];
            var centered = z - z.mean(new long[] { 0 }, keepdim: true);
            var cov = centered.t().matmul(centered).div(n - 1);
            return cov.pow(2).sum().sub(cov.diagonal().pow(2).sum()).div(d);
        }
    }
}
