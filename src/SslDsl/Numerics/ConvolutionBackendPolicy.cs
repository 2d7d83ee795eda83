namespace SslDsl;

/// <summary>
/// How SslDsl treats libtorch's CPU convolution back end (oneDNN on x86), which on some CPUs returns
/// wrong gradients for small shapes (see docs/numerics.md). Set per run with
/// <see cref="TrainingOptions.Convolutions"/>, or for a whole process with the environment variable
/// <c>SSLDSL_CONVOLUTIONS</c> = <c>verify</c>, <c>native</c> or <c>trust</c>.
/// </summary>
public enum ConvolutionBackendPolicy
{
    /// <summary>
    /// The default. Before a CPU convolution first computes gradients for an input shape, its float32
    /// forward and backward are checked against float64 on random data (with 1 thread and with the
    /// current thread count). When they disagree, oneDNN is switched off for the process, the check is
    /// repeated on libtorch's native path, and training continues with a one-line warning; when the
    /// native path is wrong too, training stops with <see cref="ConvolutionBackendException"/>.
    /// </summary>
    Verify,

    /// <summary>Switch oneDNN off for CPU convolutions from the start (libtorch's im2col + GEMM path), without checks.</summary>
    Native,

    /// <summary>Leave libtorch's choice alone and check nothing.</summary>
    Trust,
}
