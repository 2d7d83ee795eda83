using System;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Argument checks shared by the losses: each throws with the loss, the argument and what to do.</summary>
internal static class LossArguments
{
    /// <summary>Formats a shape as [a,b,c].</summary>
    public static string Shape(Tensor t) => "[" + string.Join(",", t.shape) + "]";

    /// <summary>Throws when <paramref name="t"/> is null.</summary>
    public static void NotNull(Tensor? t, string loss, string name)
    {
        if (t is null)
        {
            throw new ArgumentNullException(name, $"{loss}: {name} is null.");
        }
    }

    /// <summary>Throws unless <paramref name="t"/> has <paramref name="rank"/> dimensions.</summary>
    public static void Rank(Tensor t, int rank, string loss, string name, string layout)
    {
        NotNull(t, loss, name);
        if (t.dim() != rank)
        {
            throw new ArgumentException($"{loss}: {name} must be {layout} ({rank}-D) but has shape {Shape(t)}.", name);
        }
    }

    /// <summary>Throws unless both tensors have the same shape.</summary>
    public static void SameShape(Tensor a, Tensor b, string loss, string nameA, string nameB)
    {
        NotNull(a, loss, nameA);
        NotNull(b, loss, nameB);
        if (!a.shape.AsSpan().SequenceEqual(b.shape))
        {
            throw new ArgumentException($"{loss}: {nameA} {Shape(a)} and {nameB} {Shape(b)} must have the same shape.", nameB);
        }
    }

    /// <summary>Throws unless <paramref name="t"/> has at least <paramref name="rows"/> rows (dimension 0).</summary>
    public static void MinRows(Tensor t, long rows, string loss, string name, string why)
    {
        if (t.shape[0] < rows)
        {
            throw new ArgumentException($"{loss}: {name} has {t.shape[0]} rows (shape {Shape(t)}) but needs at least {rows}: {why}.", name);
        }
    }

    /// <summary>Throws unless <paramref name="t"/> holds integer class indices (int64).</summary>
    public static void LongLabels(Tensor t, string loss, string name)
    {
        NotNull(t, loss, name);
        if (t.dtype != ScalarType.Int64)
        {
            throw new ArgumentException($"{loss}: {name} must hold int64 class indices but has dtype {t.dtype}; convert it with .to(ScalarType.Int64).", name);
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt; 0.</summary>
    public static void Positive(double value, string loss, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{loss}: {name} must be a finite number > 0.");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt;= 0.</summary>
    public static void NonNegative(double value, string loss, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{loss}: {name} must be a finite number >= 0.");
        }
    }

    /// <summary>Throws unless <paramref name="mask"/> broadcasts to <paramref name="target"/>'s shape without enlarging it.</summary>
    public static void BroadcastsTo(Tensor mask, Tensor target, string loss, string name)
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
            throw new ArgumentException($"{loss}: {name} {Shape(mask)} does not broadcast to the target shape {Shape(target)}; each of its dimensions (aligned from the right) must be 1 or equal the target's.", name);
        }
    }
}
