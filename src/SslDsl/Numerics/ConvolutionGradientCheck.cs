using System;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The outcome of one <see cref="ConvolutionGradientCheck"/> trial: the largest error of the float32
/// gradients against float64, relative to the largest float64 gradient.
/// </summary>
/// <param name="Case">The convolution checked.</param>
/// <param name="Threads">libtorch's intra-op thread count during the trial.</param>
/// <param name="InputGradientError">max |dx32 - dx64| / max |dx64| (NaN when dx32 is not finite; 0 when the trial did not ask for the input gradient).</param>
/// <param name="WeightGradientError">max |dw32 - dw64| / max |dw64| (NaN when dw32 is not finite).</param>
/// <param name="OutputError">The same measure for the forward output.</param>
/// <param name="Precision">What the trial computed in: float32, or bfloat16 as mixed precision runs the layer.</param>
public sealed record ConvolutionTrial(ConvolutionCase Case, int Threads, double InputGradientError, double WeightGradientError, double OutputError, ScalarType Precision = ScalarType.Float32)
{
    /// <summary>Whether every value was finite and within <paramref name="tolerance"/> of float64.</summary>
    public bool Passes(double tolerance) =>
        InputGradientError <= tolerance && WeightGradientError <= tolerance && OutputError <= tolerance;

    /// <summary>What went wrong, in words (for messages).</summary>
    public string Describe()
    {
        static string Err(double e) => double.IsNaN(e) ? "non-finite" : e.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
        string precision = Precision == ScalarType.Float32 ? "" : $" in {Precision}";
        return $"{Case}{precision} with {Threads} thread(s): relative error of the output {Err(OutputError)}, input gradient {Err(InputGradientError)}, weight gradient {Err(WeightGradientError)}";
    }
}

/// <summary>
/// Runs a convolution forward and backward on random data in float32 (the path training uses, oneDNN
/// on x86 CPUs) and in float64 (which libtorch computes with its own im2col + GEMM code, never oneDNN),
/// and compares output, input gradient and weight gradient. Uses its own random generator, so the
/// global torch seed and a run's reproducibility are untouched.
/// </summary>
public static class ConvolutionGradientCheck
{
    /// <summary>The relative error above which a float32 result counts as wrong (float32 rounding stays below 1e-5 here).</summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>
    /// The relative error above which a bfloat16 result counts as wrong: bfloat16 keeps 8 significant bits, so rounding
    /// the operands alone moves a sum of many products by up to about 1e-2 of its largest value; the faults seen in
    /// float32 were off by whole multiples.
    /// </summary>
    public const double BFloat16Tolerance = 5e-2;

    /// <summary>The tolerance for results computed in <paramref name="precision"/>: <see cref="DefaultTolerance"/> for float32, <see cref="BFloat16Tolerance"/> for bfloat16.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is neither float32 nor bfloat16.</exception>
    public static double ToleranceOf(ScalarType precision) => precision switch
    {
        ScalarType.Float32 => DefaultTolerance,
        ScalarType.BFloat16 => BFloat16Tolerance,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Convolutions are checked in float32 or bfloat16."),
    };

    /// <summary>
    /// Runs one trial of <paramref name="c"/> on the CPU with data drawn from <paramref name="generator"/>, computed in
    /// <paramref name="precision"/>: float32, or bfloat16 (operands rounded to bfloat16 and results compared in float64,
    /// as mixed precision runs the layer). With <paramref name="inputGradient"/> false only the weight gradient is
    /// computed, as autograd does for a layer whose input needs no gradient (a network's first layer), so libtorch
    /// takes the same kernels training takes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is neither float32 nor bfloat16.</exception>
    public static ConvolutionTrial Run(ConvolutionCase c, Generator generator, ScalarType precision = ScalarType.Float32, bool inputGradient = true)
    {
        _ = ToleranceOf(precision);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = NewDisposeScope();
        using var gradients = enable_grad(); // the check runs from forward-only calls too (no_grad)
        var x64 = randn(c.InputShape, dtype: ScalarType.Float64, generator: generator);
        double fanIn = (c.Transposed ? c.OutChannels : c.InChannels) / (double)c.Groups;
        foreach (long k in c.Kernel)
        {
            fanIn *= k;
        }

        var w64 = randn(c.WeightShape, dtype: ScalarType.Float64, generator: generator) / Math.Sqrt(fanIn);
        var b64 = randn(c.OutChannels, dtype: ScalarType.Float64, generator: generator);

        Tensor x = x64.to(precision), w = w64.to(precision), b = b64.to(precision);
        var (y32, dx32, dw32, grad) = Forward(c, x, w, b, null, generator, inputGradient);
        // The reference sees the rounded operands, so the comparison measures the kernel, not the rounding of the inputs.
        var (y64, dx64, dw64, _) = Forward(c, x.to(ScalarType.Float64), w.to(ScalarType.Float64), b.to(ScalarType.Float64), grad.to(ScalarType.Float64), generator, inputGradient);
        double inputError = dx32 is not null && dx64 is not null ? RelativeError(dx32, dx64) : 0.0;
        return new ConvolutionTrial(c, TorchSharp.torch.get_num_threads(), inputError, RelativeError(dw32, dw64), RelativeError(y32, y64), precision);
    }

    /// <summary>
    /// Runs <see cref="Run"/> <paramref name="trials"/> times and returns the first failing trial, or the
    /// last trial when all pass.
    /// </summary>
    public static ConvolutionTrial RunMany(ConvolutionCase c, int trials, Generator generator, double tolerance = DefaultTolerance, ScalarType precision = ScalarType.Float32, bool inputGradient = true)
    {
        if (trials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "At least one trial is needed.");
        }

        ConvolutionTrial last = Run(c, generator, precision, inputGradient);
        for (int t = 1; t < trials && last.Passes(tolerance); t++)
        {
            last = Run(c, generator, precision, inputGradient);
        }

        return last;
    }

    private static (Tensor Output, Tensor? InputGrad, Tensor WeightGrad, Tensor OutputGrad) Forward(
        ConvolutionCase c, Tensor x, Tensor w, Tensor b, Tensor? outputGrad, Generator generator, bool inputGradient)
    {
        x = x.detach().requires_grad_(inputGradient);
        w = w.detach().requires_grad_(true);
        var y = Apply(c, x, w, b);
        var g = outputGrad ?? randn(y.shape, dtype: y.dtype, generator: generator);
        var grads = autograd.grad(new[] { y }, inputGradient ? new[] { x, w } : new[] { w }, new[] { g });
        return (y.detach(), inputGradient ? grads[0] : null, grads[^1], g);
    }

    private static Tensor Apply(ConvolutionCase c, Tensor x, Tensor w, Tensor b)
    {
        long[] s = ToArray(c.Stride), p = ToArray(c.Padding), d = ToArray(c.Dilation), op = ToArray(c.OutputPadding);
        return (c.SpatialDims, c.Transposed) switch
        {
            (1, false) => nn.functional.conv1d(x, w, b, s[0], p[0], d[0], c.Groups),
            (1, true) => nn.functional.conv_transpose1d(x, w, b, s[0], p[0], op[0], d[0], c.Groups),
            (2, false) => nn.functional.conv2d(x, w, b, s, p, d, c.Groups),
            _ => nn.functional.conv_transpose2d(x, w, b, s, p, op, d, c.Groups),
        };
    }

    private static long[] ToArray(System.Collections.Generic.IReadOnlyList<long> values)
    {
        var a = new long[values.Count];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = values[i];
        }

        return a;
    }

    private static double RelativeError(Tensor value32, Tensor reference64)
    {
        if (!value32.isfinite().all().item<bool>())
        {
            return double.NaN;
        }

        double scale = reference64.abs().max().item<double>();
        double diff = (value32.to(ScalarType.Float64) - reference64).abs().max().item<double>();
        return diff / Math.Max(scale, 1e-30);
    }
}
