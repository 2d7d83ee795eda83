using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The terms of a VICReg loss, for logging. <see cref="Invariance"/>, <see cref="Variance"/> and
/// <see cref="Covariance"/> are unweighted scalars; <see cref="Total"/> is
/// invariance * Invariance + variance * Variance + covariance * Covariance, the value of
/// <see cref="Losses.VicReg"/>.
/// </summary>
/// <param name="Invariance">s(Z, Z'): the mean squared error between the branches.</param>
/// <param name="Variance">v(Z) + v(Z'): the hinge on each dimension's standard deviation, both branches.</param>
/// <param name="Covariance">c(Z) + c(Z'): the squared off-diagonal covariances / D, both branches.</param>
/// <param name="Total">The weighted loss.</param>
public sealed record VicRegComponents(Tensor Invariance, Tensor Variance, Tensor Covariance, Tensor Total);
