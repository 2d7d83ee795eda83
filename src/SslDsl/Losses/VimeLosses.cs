using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>VIME's self-supervised loss: mask-vector estimation plus feature reconstruction (Yoon et al., NeurIPS 2020).</summary>
public static partial class Losses
{
    /// <summary>
    /// VIME's pretext loss, eq. (4) of the paper: l_m + <paramref name="alpha"/> · l_r. The mask term l_m is the binary
    /// cross-entropy between sigmoid(<paramref name="maskLogits"/>) and the mask m, averaged over rows and columns; the
    /// reconstruction term l_r is <see cref="VimeReconstruction"/> of the clean rows.
    /// </summary>
    /// <param name="maskLogits">The mask estimator's logits [B,C], one per column.</param>
    /// <param name="reconstruction">The feature estimator's output [B, columns.Outputs].</param>
    /// <param name="mask">The mask [B,C], 1 where a column was replaced.</param>
    /// <param name="target">The clean rows [B, columns.Features].</param>
    /// <param name="columns">The table's columns; null: every feature is numeric.</param>
    /// <param name="alpha">The weight of the reconstruction term, &gt;= 0.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">A shape does not fit the columns, or alpha is negative.</exception>
    public static Tensor Vime(Tensor maskLogits, Tensor reconstruction, Tensor mask, Tensor target, TabularColumns? columns = null, double alpha = 2.0)
    {
        const string loss = nameof(Vime);
        Guard.NonNegative(loss, alpha);
        columns ??= TabularColumns.Plain((int)target.shape[^1]);
        Guard.LastDimension(loss, maskLogits, 2, columns.Count, "[B, columns.Count]");
        Guard.SameShape(loss, mask, maskLogits);
        using var scope = torch.NewDisposeScope();
        var maskTerm = nn.functional.binary_cross_entropy_with_logits(maskLogits, mask.to(maskLogits.dtype));
        return maskTerm.add(VimeReconstruction(reconstruction, target, columns).mul(alpha)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// VIME's feature reconstruction error l_r, the mean over the C columns of each column's error averaged over the
    /// rows: a numeric column's squared error; a one-hot column's cross-entropy of its block of logits against the
    /// category the clean row's block holds (its argmax); an embedded column's cross-entropy of its logits against the
    /// clean row's index. With numeric columns only it is the mean squared error over every entry.
    /// </summary>
    /// <param name="reconstruction">[B, columns.Outputs]: numeric values, then each one-hot block's logits, then each embedded column's logits.</param>
    /// <param name="target">The clean rows [B, columns.Features].</param>
    /// <param name="columns">The table's columns.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">A shape does not fit the columns, or an embedded index is outside its cardinality.</exception>
    public static Tensor VimeReconstruction(Tensor reconstruction, Tensor target, TabularColumns columns)
    {
        const string loss = nameof(VimeReconstruction);
        ArgumentNullException.ThrowIfNull(columns);
        Guard.LastDimension(loss, target, 2, columns.Features, "[B, columns.Features]");
        Guard.LastDimension(loss, reconstruction, 2, columns.Outputs, "[B, columns.Outputs]");
        if (reconstruction.shape[0] != target.shape[0] || target.shape[0] == 0)
        {
            throw new ArgumentException($"{loss}: reconstruction and target must hold the same non-empty batch, but their shapes are {Guard.Shape(reconstruction)} and {Guard.Shape(target)}.", nameof(target));
        }

        using var scope = torch.NewDisposeScope();
        var errors = new List<Tensor>();
        int numeric = columns.Numeric;
        if (numeric > 0)
        {
            errors.Add((reconstruction.narrow(1, 0, numeric) - target.narrow(1, 0, numeric)).pow(2).mean(new long[] { 0 }).sum());
        }

        int feature = numeric, output = numeric;
        foreach (int width in columns.OneHot)
        {
            var category = target.narrow(1, feature, width).argmax(1);
            errors.Add(nn.functional.cross_entropy(reconstruction.narrow(1, output, width), category));
            feature += width;
            output += width;
        }

        foreach (int cardinality in columns.Embedded)
        {
            var index = target.select(1, feature).to_type(ScalarType.Int64);
            if (index.numel() > 0 && (index.min().item<long>() < 0 || index.max().item<long>() >= cardinality))
            {
                throw new ArgumentException($"{loss}: the embedded column at feature {feature} holds indices from {index.min().item<long>()} to {index.max().item<long>()}, outside its {cardinality} categories.", nameof(target));
            }

            errors.Add(nn.functional.cross_entropy(reconstruction.narrow(1, output, cardinality), index));
            feature += 1;
            output += cardinality;
        }

        return torch.stack(errors.Select(e => e.reshape(1)).ToArray()).sum().div(columns.Count).MoveToOuterDisposeScope();
    }
}
