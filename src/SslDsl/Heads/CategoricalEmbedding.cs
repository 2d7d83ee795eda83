using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The input layer of a tabular encoder whose table has embedded categorical columns: it takes the features a
/// <see cref="TableSource"/> yields (float [B, F], whose last E columns hold category indices, one per embedded
/// column in declaration order) and returns [B, F - E + sum of the embedding widths]: the other features
/// unchanged, then each index's learned vector. Put it first in the <c>[Encoder]</c> member.
/// </summary>
public sealed class CategoricalEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Embedding> _tables;
    private readonly int _plain;

    /// <summary>Creates the layer for batches of <paramref name="features"/> features ending in the indices of <paramref name="embedded"/>.</summary>
    /// <exception cref="ArgumentException">A column is not embedded, lacks a cardinality or width, or there are more embedded columns than features.</exception>
    public CategoricalEmbedding(int features, IReadOnlyList<CategoricalColumn> embedded)
        : base(nameof(CategoricalEmbedding))
    {
        ArgumentNullException.ThrowIfNull(embedded);
        foreach (var c in embedded)
        {
            if (c.Encoding != CategoricalEncoding.Embedding || c.Cardinality < 1 || c.EmbeddingDim < 1)
            {
                throw new ArgumentException($"CategoricalEmbedding: column '{c.Name}' must be embedded with Cardinality >= 1 and EmbeddingDim >= 1; it is {c.Encoding} with {c.Cardinality} and {c.EmbeddingDim}.", nameof(embedded));
            }
        }

        if (embedded.Count > features)
        {
            throw new ArgumentException($"CategoricalEmbedding: {embedded.Count} embedded columns do not fit in {features} features.", nameof(features));
        }

        _plain = features - embedded.Count;
        _tables = new ModuleList<Embedding>(embedded.Select(c => nn.Embedding(c.Cardinality, c.EmbeddingDim)).ToArray());
        OutputFeatures = _plain + embedded.Sum(c => c.EmbeddingDim);
        RegisterComponents();
    }

    /// <summary>The layer for task <typeparamref name="TTask"/>: its embedded <c>[CategoricalFeature]</c> columns, in declaration order.</summary>
    public static CategoricalEmbedding For<TTask>(int features) =>
        new(features, CategoricalColumn.DeclaredOn(typeof(TTask)).Where(c => c.Encoding == CategoricalEncoding.Embedding).ToArray());

    /// <summary>The width of the output: the plain features plus every embedding's width.</summary>
    public int OutputFeatures { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var parts = new List<Tensor> { input.narrow(1, 0, _plain) };
        for (int i = 0; i < _tables.Count; i++)
        {
            parts.Add(_tables[i].call(input.narrow(1, _plain + i, 1).squeeze(1).to_type(ScalarType.Int64)));
        }

        return torch.cat(parts, 1).MoveToOuterDisposeScope();
    }
}
