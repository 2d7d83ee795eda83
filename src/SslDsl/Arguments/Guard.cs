using System;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The argument checks of the runtime (augmentations, masks, pretexts, losses, heads, backbones). Every check
/// takes the operation first (the method or module, e.g. "ColorJitter"), then the value and what it must
/// satisfy; the argument's name comes from the call site. Every message reads
/// "{operation}: {argument} must be {requirement}, but {what it is}." and, where there is one, what to do.
/// The ranges match the compile-time checks of the attributes (a test pins them to the attribute catalog).
/// </summary>
internal static class Guard
{
    /// <summary>Throws unless <paramref name="value"/> &gt; 0.</summary>
    public static void Positive(string operation, int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, Message(operation, name, "> 0", Format(value)));
        }
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [<paramref name="minimum"/>, <paramref name="maximum"/>]; <paramref name="requirement"/> says why in words.</summary>
    public static void InRange(string operation, long value, long minimum, long maximum, string requirement, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value,
                Message(operation, name, $"in [{minimum.ToString(CultureInfo.InvariantCulture)}, {maximum.ToString(CultureInfo.InvariantCulture)}] ({requirement})", value.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt; 0.</summary>
    public static void Positive(string operation, double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, Message(operation, name, "a finite number > 0", Format(value)));
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt;= <paramref name="minimum"/>.</summary>
    public static void AtLeast(string operation, double value, double minimum, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= minimum) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, Message(operation, name, $"a finite number >= {Format(minimum)}", Format(value)));
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt;= 0.</summary>
    public static void NonNegative(string operation, double value, [CallerArgumentExpression(nameof(value))] string name = "") =>
        AtLeast(operation, value, 0.0, name);

    /// <summary>Throws unless <paramref name="value"/> is a probability in [0, 1].</summary>
    public static void Probability(string operation, double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw new ArgumentOutOfRangeException(name, value, Message(operation, name, "a probability in [0, 1]", Format(value)));
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is a fraction strictly between 0 and 1 (a mask ratio).</summary>
    public static void OpenFraction(string operation, double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value > 0.0 && value < 1.0))
        {
            throw new ArgumentOutOfRangeException(name, value, Message(operation, name, "a fraction in (0, 1)", Format(value)));
        }
    }

    /// <summary>Throws unless <paramref name="low"/> &lt;= <paramref name="high"/>.</summary>
    public static void Ordered(
        string operation,
        double low,
        double high,
        [CallerArgumentExpression(nameof(low))] string lowName = "",
        [CallerArgumentExpression(nameof(high))] string highName = "")
    {
        if (low > high)
        {
            throw new ArgumentException(Message(operation, lowName, $"<= {highName} ({Format(high)})", Format(low)) + " Swap them.", lowName);
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is present.</summary>
    public static void NotNull(string operation, object? value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{operation}: {name} must be given, but it is null.");
        }
    }

    /// <summary>Throws unless the random generator is present.</summary>
    public static void Generator(string operation, Generator? generator, [CallerArgumentExpression(nameof(generator))] string name = "")
    {
        if (generator is null)
        {
            throw new ArgumentNullException(name, $"{operation}: {name} must be a torch.Generator on the input's device (the random parameters are drawn from it), but it is null.");
        }
    }

    /// <summary>Throws unless <paramref name="t"/> is a tensor with <paramref name="rank"/> dimensions, laid out as <paramref name="layout"/> (e.g. [N, D]).</summary>
    public static void Rank(string operation, Tensor? t, int rank, string layout, [CallerArgumentExpression(nameof(t))] string name = "")
    {
        NotNull(operation, t, name);
        if (t!.dim() != rank)
        {
            throw new ArgumentException(Message(operation, name, $"a {layout} tensor ({rank} dimensions)", $"its shape is {Shape(t)}") + $" Reshape it to {layout}.", name);
        }
    }

    /// <summary>Throws unless <paramref name="t"/> is a floating-point tensor with <paramref name="rank"/> dimensions.</summary>
    public static void FloatRank(string operation, Tensor? t, int rank, string layout, [CallerArgumentExpression(nameof(t))] string name = "")
    {
        Rank(operation, t, rank, layout, name);
        if (!t!.is_floating_point())
        {
            throw new ArgumentException(Message(operation, name, "a floating-point tensor", $"it holds {t.dtype}") + " Convert it first, e.g. x.to(ScalarType.Float32).", name);
        }
    }

    /// <summary>Throws unless <paramref name="x"/> is a floating-point [B,C,H,W] image batch.</summary>
    public static void Image(string operation, Tensor? x, [CallerArgumentExpression(nameof(x))] string name = "") =>
        FloatRank(operation, x, 4, "[B,C,H,W]", name);

    /// <summary>Throws unless <paramref name="t"/> has <paramref name="rank"/> dimensions and its last one is <paramref name="width"/>.</summary>
    public static void LastDimension(string operation, Tensor? t, int rank, long width, string layout, [CallerArgumentExpression(nameof(t))] string name = "")
    {
        NotNull(operation, t, name);
        if (t!.dim() != rank || t.shape[rank - 1] != width)
        {
            throw new ArgumentException(Message(operation, name, $"{layout} with last dimension {width}", $"its shape is {Shape(t)}"), name);
        }
    }

    /// <summary>Throws unless <paramref name="a"/> and <paramref name="b"/> have the same shape.</summary>
    public static void SameShape(
        string operation,
        Tensor? a,
        Tensor? b,
        [CallerArgumentExpression(nameof(a))] string nameA = "",
        [CallerArgumentExpression(nameof(b))] string nameB = "")
    {
        NotNull(operation, a, nameA);
        NotNull(operation, b, nameB);
        if (!a!.shape.AsSpan().SequenceEqual(b!.shape))
        {
            throw new ArgumentException(Message(operation, nameB, $"of the shape of {nameA} {Shape(a)}", $"its shape is {Shape(b)}"), nameB);
        }
    }

    /// <summary>Throws unless <paramref name="t"/> has at least <paramref name="rows"/> rows (dimension 0); <paramref name="why"/> says why.</summary>
    public static void MinRows(string operation, Tensor t, long rows, string why, [CallerArgumentExpression(nameof(t))] string name = "")
    {
        if (t.shape[0] < rows)
        {
            throw new ArgumentException($"{operation}: {name} must have at least {rows} row(s) ({why}), but it has {t.shape[0]} (shape {Shape(t)}).", name);
        }
    }

    /// <summary>
    /// Throws <see cref="BatchTooSmallException"/> unless <paramref name="t"/> has at least <paramref name="samples"/>
    /// rows: a batch-size limit of the operation (a loss without negatives), not a shape error.
    /// </summary>
    public static void MinBatch(string operation, Tensor t, int samples, string why, [CallerArgumentExpression(nameof(t))] string name = "")
    {
        if (t.shape[0] < samples)
        {
            throw new BatchTooSmallException($"{operation} needs at least {samples} samples per batch; {name} has {t.shape[0]}: {why}.", name, samples);
        }
    }

    /// <summary>Throws unless <paramref name="t"/> holds int64 class indices or token ids.</summary>
    public static void Int64(string operation, Tensor? t, [CallerArgumentExpression(nameof(t))] string name = "")
    {
        NotNull(operation, t, name);
        if (t!.dtype != ScalarType.Int64)
        {
            throw new ArgumentException(Message(operation, name, "an int64 tensor of indices", $"it holds {t.dtype}") + " Convert it with .to(ScalarType.Int64).", name);
        }
    }

    /// <summary>Throws unless <paramref name="mask"/> broadcasts to <paramref name="target"/>'s shape without enlarging it.</summary>
    public static void BroadcastsTo(string operation, Tensor mask, Tensor target, [CallerArgumentExpression(nameof(mask))] string name = "")
    {
        long[] m = mask.shape;
        long[] t = target.shape;
        bool ok = m.Length <= t.Length;
        for (int i = 1; ok && i <= m.Length; i++)
        {
            long md = m[m.Length - i];
            ok = md == 1 || md == t[t.Length - i];
        }

        if (!ok)
        {
            throw new ArgumentException(
                Message(operation, name, $"broadcastable to the target shape {Shape(target)} (each dimension, aligned from the right, 1 or the target's)", $"its shape is {Shape(mask)}"),
                name);
        }
    }

    /// <summary>
    /// Throws when the widest block of a backbone that doubles <paramref name="width"/> per block
    /// (width * 2^(depth-1)) would not fit in 65,536 channels.
    /// </summary>
    public static void DoublingFits(string operation, int width, int depth)
    {
        if (depth > 17 || ((long)width << (depth - 1)) > 65536)
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth,
                Message(operation, nameof(depth), $"small enough that width {width} doubled over {nameof(depth)} blocks fits in 65,536 channels", $"it is {depth}") + " Use a smaller depth or width.");
        }
    }

    /// <summary>A shape as [2, 3, 4].</summary>
    public static string Shape(Tensor t) => "[" + string.Join(", ", t.shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    private static string Message(string operation, string name, string requirement, string actual) =>
        $"{operation}: {name} must be {requirement}, but {(actual.StartsWith("it", StringComparison.Ordinal) ? actual : "it is " + actual)}.";

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
