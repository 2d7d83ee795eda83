using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Online clustering losses: SwAV's swapped prediction of Sinkhorn-Knopp codes.</summary>
public static partial class Losses
{
    /// <summary>
    /// Sinkhorn-Knopp (SwAV): soft codes Q [B, K] that assign B samples to K prototypes with equal shares.
    /// Q = exp(scores / epsilon)^T, divided by its sum; then <paramref name="iterations"/> times: each prototype
    /// row normalized to sum 1/K, each sample column to sum 1/B; finally scaled by B so every sample's codes sum
    /// to 1. Computed without gradients.
    /// </summary>
    /// <param name="scores">Cosine scores of samples against prototypes, [B, K].</param>
    /// <param name="iterations">Normalization rounds, &gt;= 1 (paper: 3).</param>
    /// <param name="epsilon">The entropy regularization, &gt; 0 (paper: 0.05).</param>
    /// <returns>The codes [B, K]; each row sums to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The iterations or epsilon are out of range.</exception>
    /// <exception cref="ArgumentException">The scores are not [B, K].</exception>
    public static Tensor Sinkhorn(Tensor scores, int iterations = 3, double epsilon = 0.05)
    {
        const string op = nameof(Sinkhorn);
        Guard.Rank(op, scores, 2, "[B, K]");
        Guard.Positive(op, iterations);
        Guard.Positive(op, epsilon);

        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        long b = scores.shape[0];
        long k = scores.shape[1];
        // exp(s / eps) overflows float32 beyond s = 88 eps; shifting by the maximum changes nothing after the first normalization.
        var scaled = scores.detach().to(ScalarType.Float64).div(epsilon);
        var q = scaled.sub(scaled.max()).exp().t();
        q = q.div(q.sum());
        for (int i = 0; i < iterations; i++)
        {
            q = q.div(q.sum(1, keepdim: true)).div(k);
            q = q.div(q.sum(0, keepdim: true)).div(b);
        }

        return q.mul(b).t().to(scores.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// SwAV's swapped-prediction loss. For each global crop i the codes q_i = Sinkhorn(scores_i) (computed with
    /// the queued scores of that view appended when <paramref name="queueScores"/> is given, then cut to the batch)
    /// are predicted from every other crop v: the term is the batch mean of -sum_k q_i[k] log softmax(scores_v /
    /// temperature)[k]. The loss averages, for each global crop, its terms over the other V - 1 crops, then over
    /// the global crops.
    /// </summary>
    /// <param name="scores">Prototype scores of every crop, global crops first, each [N, K].</param>
    /// <param name="globalViews">How many of <paramref name="scores"/> are global crops (codes are computed for them), &gt;= 1.</param>
    /// <param name="temperature">The softmax temperature of the predictions, &gt; 0 (paper: 0.1).</param>
    /// <param name="sinkhornIterations">Sinkhorn-Knopp rounds, &gt;= 1 (paper: 3).</param>
    /// <param name="epsilon">Sinkhorn-Knopp's entropy regularization, &gt; 0 (paper: 0.05).</param>
    /// <param name="queueScores">Optional prototype scores of queued features of each global crop, each [Q, K]; they only sharpen the codes.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    /// <exception cref="ArgumentException">Fewer than 2 crops, or the scores do not share one [N, K] shape.</exception>
    public static Tensor Swav(Tensor[] scores, int globalViews, double temperature = 0.1, int sinkhornIterations = 3, double epsilon = 0.05, Tensor[]? queueScores = null)
    {
        const string loss = "SwAV";
        Guard.NotNull(loss, scores);
        Guard.Positive(loss, temperature);
        Guard.Positive(loss, sinkhornIterations);
        Guard.Positive(loss, epsilon);
        if (scores.Length < 2 || globalViews < 1 || globalViews > scores.Length)
        {
            throw new ArgumentException($"{loss}: it needs at least 2 crops and between 1 and all of them global, but there are {scores.Length} crops and {globalViews} global.", nameof(scores));
        }

        if (queueScores is not null && queueScores.Length != globalViews)
        {
            throw new ArgumentException($"{loss}: queueScores must hold one tensor per global crop ({globalViews}), but it holds {queueScores.Length}.", nameof(queueScores));
        }

        Guard.Rank(loss, scores[0], 2, "[N, K]");
        foreach (var s in scores)
        {
            Guard.SameShape(loss, scores[0], s);
        }

        using var scope = torch.NewDisposeScope();
        long n = scores[0].shape[0];
        var logPredictions = Array.ConvertAll(scores, s => nn.functional.log_softmax(s.div(temperature), 1));
        Tensor? total = null;
        for (int i = 0; i < globalViews; i++)
        {
            var assigned = queueScores is null ? scores[i] : torch.cat(new[] { scores[i].detach(), queueScores[i].detach().to(scores[i].dtype) }, 0);
            var codes = Sinkhorn(assigned, sinkhornIterations, epsilon).narrow(0, 0, n);
            Tensor? crop = null;
            for (int v = 0; v < scores.Length; v++)
            {
                if (v == i)
                {
                    continue;
                }

                var term = (codes * logPredictions[v]).sum(1).neg().mean();
                crop = crop is null ? term : crop + term;
            }

            var averaged = crop!.div(scores.Length - 1);
            total = total is null ? averaged : total + averaged;
        }

        return total!.div(globalViews).MoveToOuterDisposeScope();
    }
}
