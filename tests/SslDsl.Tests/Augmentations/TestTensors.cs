using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Augmentations;

/// <summary>Small helpers for the augmentation tests: seeded generators and inputs, plain arrays, comparisons.</summary>
internal static class TestTensors
{
    /// <summary>A CPU generator with the given seed.</summary>
    public static Generator Gen(ulong seed) => new(seed, torch.CPU);

    /// <summary>Uniform [0,1) values of the given shape from a seed of their own.</summary>
    public static Tensor Rand(ulong seed, params long[] shape)
    {
        using var g = Gen(seed);
        return torch.rand(shape, generator: g);
    }

    /// <summary>
    /// A table [rows, features] with x[i, j] = i·F + j + 1: every entry distinct, so a value names its row and column,
    /// and replacing it by another row's value always changes it.
    /// </summary>
    public static Tensor Indexed(int rows, int features) =>
        torch.arange(1, rows * features + 1, dtype: ScalarType.Float32).view(rows, features);

    /// <summary>The values of a float tensor in row-major order.</summary>
    public static float[] Data(Tensor t) => t.contiguous().to(ScalarType.Float32).data<float>().ToArray();

    /// <summary>The values of an int64 tensor in row-major order.</summary>
    public static long[] Longs(Tensor t) => t.contiguous().data<long>().ToArray();

    /// <summary>True when both tensors have the same shape and bit-identical values.</summary>
    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && Data(a).SequenceEqual(Data(b));

    /// <summary>Asserts equal shapes and values within <paramref name="tolerance"/>.</summary>
    public static void Close(float[] expected, Tensor actual, double tolerance, string what = "")
    {
        var got = Data(actual);
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - got[i]) <= tolerance, $"{what} element {i}: expected {expected[i]}, got {got[i]} (tolerance {tolerance}).");
        }
    }

    /// <summary>Asserts equal shapes and values within <paramref name="tolerance"/>.</summary>
    public static void Close(Tensor expected, Tensor actual, double tolerance, string what = "")
    {
        Assert.Equal(expected.shape, actual.shape);
        Close(Data(expected), actual, tolerance, what);
    }

    /// <summary>Sample <paramref name="i"/> of a batch, as a plain array.</summary>
    public static float[] Sample(Tensor batch, long i) => Data(batch[i]);

    /// <summary>
    /// Reference bilinear sampling of one [C,H,W] image (row-major floats) through a 2x3 affine map from output to
    /// input normalized coordinates, matching affine_grid + grid_sample with align_corners = false, written with
    /// plain loops: pixel j has normalized coordinate (2j + 1) / W - 1, the source pixel coordinate is
    /// ((x + 1) W - 1) / 2, and outside pixels read 0 (zeros padding) or the nearest edge pixel (border padding).
    /// </summary>
    public static float[] AffineReference(float[] image, int c, int h, int w, double[,] theta, bool border)
    {
        var output = new float[c * h * w];
        for (int i = 0; i < h; i++)
        {
            for (int j = 0; j < w; j++)
            {
                double xo = (2.0 * j + 1) / w - 1, yo = (2.0 * i + 1) / h - 1;
                double xi = theta[0, 0] * xo + theta[0, 1] * yo + theta[0, 2];
                double yi = theta[1, 0] * xo + theta[1, 1] * yo + theta[1, 2];
                double px = ((xi + 1) * w - 1) / 2, py = ((yi + 1) * h - 1) / 2;
                if (border)
                {
                    px = Math.Clamp(px, 0, w - 1);
                    py = Math.Clamp(py, 0, h - 1);
                }

                int x0 = (int)Math.Floor(px), y0 = (int)Math.Floor(py);
                double fx = px - x0, fy = py - y0;
                for (int ch = 0; ch < c; ch++)
                {
                    double Pixel(int yy, int xx) => yy < 0 || yy >= h || xx < 0 || xx >= w ? 0.0 : image[(ch * h + yy) * w + xx];
                    double v = Pixel(y0, x0) * (1 - fx) * (1 - fy) + Pixel(y0, x0 + 1) * fx * (1 - fy)
                             + Pixel(y0 + 1, x0) * (1 - fx) * fy + Pixel(y0 + 1, x0 + 1) * fx * fy;
                    output[(ch * h + i) * w + j] = (float)v;
                }
            }
        }

        return output;
    }
}
