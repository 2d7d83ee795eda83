using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// MAE's fixed 2-D sine-cosine position embedding of a patch grid. The first half of the <c>width</c>
/// features encodes the patch's column x, the second half its row y, each as
/// [sin(x·ω_0), ..., sin(x·ω_{k-1}), cos(x·ω_0), ..., cos(x·ω_{k-1})] with k = width / 4 and
/// ω_i = 10000^(-i / k) (MAE's get_2d_sincos_pos_embed).
/// </summary>
public static class SinCosPositions
{
    /// <summary>The embedding of a <paramref name="rows"/> x <paramref name="columns"/> grid, float [rows·columns, width], patches in row-major order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or <paramref name="width"/> is not a multiple of 4.</exception>
    public static Tensor Grid(int rows, int columns, int width)
    {
        const string op = nameof(SinCosPositions);
        Guard.Positive(op, rows);
        Guard.Positive(op, columns);
        Guard.Positive(op, width);
        if (width % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"{op}: width must be a multiple of 4 (sine and cosine of the row and of the column), but it is {width}.");
        }

        using var scope = torch.NewDisposeScope();
        int k = width / 4;
        var omega = torch.pow(10000.0, torch.arange(k, dtype: float64).div(k).neg());
        var y = torch.arange(rows, dtype: float64).repeat_interleave(columns);
        var x = torch.arange(columns, dtype: float64).repeat(rows);
        return torch.cat(new[] { Axis(x, omega), Axis(y, omega) }, 1).to_type(float32).MoveToOuterDisposeScope();
    }

    private static Tensor Axis(Tensor positions, Tensor omega)
    {
        var angles = positions.outer(omega);
        return torch.cat(new[] { angles.sin(), angles.cos() }, 1);
    }
}
