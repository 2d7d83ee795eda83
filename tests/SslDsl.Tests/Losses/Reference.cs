using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Tests.LossesTests;

/// <summary>Small helpers for loss tests: double tensors from arrays and plain-C# reference arithmetic.</summary>
internal static class Reference
{
    /// <summary>A float64 [rows, cols] tensor holding <paramref name="values"/>.</summary>
    public static Tensor Matrix(double[,] values)
    {
        int rows = values.GetLength(0);
        int cols = values.GetLength(1);
        var flat = new double[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                flat[(i * cols) + j] = values[i, j];
            }
        }

        return torch.tensor(flat, new long[] { rows, cols }, ScalarType.Float64);
    }

    /// <summary>A float64 tensor of the given shape holding <paramref name="values"/> in row-major order.</summary>
    public static Tensor Shaped(double[] values, params long[] shape) => torch.tensor(values, shape, ScalarType.Float64);

    /// <summary>The value of a scalar tensor as a double.</summary>
    public static double Value(Tensor scalar) => scalar.to(ScalarType.Float64).item<double>();

    /// <summary>Row <paramref name="i"/> of <paramref name="m"/> divided by its Euclidean norm.</summary>
    public static double[] UnitRow(double[,] m, int i)
    {
        int d = m.GetLength(1);
        double norm = 0;
        for (int j = 0; j < d; j++)
        {
            norm += m[i, j] * m[i, j];
        }

        norm = Math.Sqrt(norm);
        var row = new double[d];
        for (int j = 0; j < d; j++)
        {
            row[j] = m[i, j] / norm;
        }

        return row;
    }

    /// <summary>The dot product of two vectors.</summary>
    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>-log softmax(logits)[target], computed with a max shift.</summary>
    public static double CrossEntropy(double[] logits, int target)
    {
        double max = double.NegativeInfinity;
        foreach (double l in logits)
        {
            max = Math.Max(max, l);
        }

        double sum = 0;
        foreach (double l in logits)
        {
            sum += Math.Exp(l - max);
        }

        return -(logits[target] - max - Math.Log(sum));
    }

    /// <summary>The mean of column <paramref name="j"/>.</summary>
    public static double ColumnMean(double[,] m, int j)
    {
        int n = m.GetLength(0);
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += m[i, j];
        }

        return s / n;
    }
}
