using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// k-nearest-neighbour classification of embeddings by cosine similarity: the standard way to
/// read a self-supervised representation's quality without training anything.
/// </summary>
public static class KnnClassifier
{
    /// <summary>
    /// Predicts a class for each row of <paramref name="queries"/> from its <paramref name="k"/>
    /// most cosine-similar rows of <paramref name="reference"/> (k is capped at the reference size).
    /// </summary>
    /// <param name="reference">Labelled embeddings [N, D].</param>
    /// <param name="referenceLabels">Their labels, long [N], in [0, classes).</param>
    /// <param name="queries">Embeddings to classify [M, D].</param>
    /// <param name="k">Neighbours per query, &gt;= 1.</param>
    /// <param name="temperature">T of the weighted vote exp(cos / T), &gt; 0 (unused by majority voting).</param>
    /// <param name="voting">Weighted (InstDisc / DINO) or majority.</param>
    /// <param name="classes">Number of classes; null means max label + 1.</param>
    /// <returns>Predicted labels, long [M], on the CPU.</returns>
    public static Tensor Predict(Tensor reference, Tensor referenceLabels, Tensor queries, int k = 20, double temperature = 0.07, KnnVoting voting = KnnVoting.Weighted, int? classes = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(referenceLabels);
        ArgumentNullException.ThrowIfNull(queries);
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        }

        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The kNN temperature must be a finite number > 0.");
        }

        if (reference.dim() != 2 || queries.dim() != 2 || reference.shape[1] != queries.shape[1])
        {
            throw new ArgumentException($"Expected reference [N, D] and queries [M, D] of the same D; got [{string.Join(",", reference.shape)}] and [{string.Join(",", queries.shape)}].", nameof(queries));
        }

        if (referenceLabels.dim() != 1 || referenceLabels.shape[0] != reference.shape[0])
        {
            throw new ArgumentException($"Expected {reference.shape[0]} reference labels; got shape [{string.Join(",", referenceLabels.shape)}].", nameof(referenceLabels));
        }

        if (reference.shape[0] == 0)
        {
            throw new ArgumentException("The kNN reference set is empty.", nameof(reference));
        }

        using var outer = torch.NewDisposeScope();
        var labels = referenceLabels.to_type(ScalarType.Int64).cpu();
        int numClasses = classes ?? (int)labels.max().item<long>() + 1;
        int kk = (int)Math.Min(k, reference.shape[0]);
        var bank = nn.functional.normalize(reference.to_type(ScalarType.Float32).cpu(), dim: 1);
        var parts = new System.Collections.Generic.List<Tensor>();
        const long chunk = 1024;
        for (long start = 0; start < queries.shape[0]; start += chunk)
        {
            long n = Math.Min(chunk, queries.shape[0] - start);
            var q = nn.functional.normalize(queries.narrow(0, start, n).to_type(ScalarType.Float32).cpu(), dim: 1);
            var similarity = q.matmul(bank.t());
            var (values, indices) = similarity.topk(kk, dim: 1);
            var neighbourLabels = labels.index_select(0, indices.flatten()).view(n, kk);
            var weights = voting == KnnVoting.Weighted ? values.div(temperature).exp() : torch.ones_like(values);
            var scores = torch.zeros(n, numClasses, dtype: ScalarType.Float32).scatter_add_(1, neighbourLabels, weights);
            parts.Add(scores.argmax(1));
        }

        var predictions = parts.Count == 0 ? torch.empty(0, dtype: ScalarType.Int64) : torch.cat(parts.ToArray(), 0);
        return predictions.MoveToOuterDisposeScope();
    }

    /// <summary>The fraction of <paramref name="queries"/> whose kNN prediction equals <paramref name="queryLabels"/>.</summary>
    public static double Accuracy(Tensor reference, Tensor referenceLabels, Tensor queries, Tensor queryLabels, int k = 20, double temperature = 0.07, KnnVoting voting = KnnVoting.Weighted)
    {
        ArgumentNullException.ThrowIfNull(queryLabels);
        if (queryLabels.shape[0] != queries.shape[0])
        {
            throw new ArgumentException($"Expected {queries.shape[0]} query labels; got {queryLabels.shape[0]}.", nameof(queryLabels));
        }

        if (queries.shape[0] == 0)
        {
            return 0.0;
        }

        using var scope = torch.NewDisposeScope();
        int classes = (int)Math.Max(referenceLabels.max().item<long>(), queryLabels.max().item<long>()) + 1;
        var predicted = Predict(reference, referenceLabels, queries, k, temperature, voting, classes);
        return predicted.eq(queryLabels.to_type(ScalarType.Int64).cpu()).to_type(ScalarType.Float64).mean().item<double>();
    }
}
