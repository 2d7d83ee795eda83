using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// NNCLR's support set: a FIFO (a <see cref="NegativeQueue"/>, saved in checkpoints) of the L2-normalized
/// embeddings of past batches. <see cref="Nearest"/> replaces each embedding by its nearest neighbour in the set
/// (highest cosine similarity), which NNCLR uses as the positive instead of the other view itself.
/// </summary>
public sealed class SupportSet : nn.Module
{
    private readonly NegativeQueue bank;

    /// <summary>Creates a support set of <paramref name="size"/> random unit vectors of width <paramref name="dim"/>.</summary>
    /// <param name="size">Embeddings kept: a positive multiple of the batch size (paper: 98,304).</param>
    /// <param name="dim">Embedding width.</param>
    /// <param name="seed">Seed of the initial random contents.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public SupportSet(int size, int dim, long seed = 0, string name = "support_set")
        : base(name)
    {
        bank = new NegativeQueue(size, dim, seed, "bank");
        RegisterComponents();
    }

    /// <summary>Embeddings kept.</summary>
    public int Size => bank.Size;

    /// <summary>The embeddings held, [size, dim], detached.</summary>
    public Tensor Embeddings => bank.Negatives;

    /// <summary>The row where the next <see cref="Enqueue"/> starts writing.</summary>
    public long Pointer => bank.Pointer;

    /// <summary>For each row of <paramref name="embeddings"/> [N, dim], the support-set embedding with the highest cosine similarity, [N, dim], without gradients.</summary>
    /// <exception cref="ArgumentException">The embeddings are not [N, dim].</exception>
    public Tensor Nearest(Tensor embeddings)
    {
        Guard.LastDimension(nameof(SupportSet), embeddings, 2, bank.Dim, "[N, dim]");
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var support = bank.Negatives.to(embeddings.dtype);
        var similarity = nn.functional.normalize(embeddings.detach(), dim: 1).matmul(support.t());
        return support.index_select(0, similarity.argmax(1)).MoveToOuterDisposeScope();
    }

    /// <summary>Adds the L2-normalized <paramref name="embeddings"/> [N, dim] over the oldest ones.</summary>
    public void Enqueue(Tensor embeddings)
    {
        Guard.Rank(nameof(SupportSet), embeddings, 2, "[N, dim]");
        using var scope = torch.NewDisposeScope();
        bank.Enqueue(nn.functional.normalize(embeddings.detach(), dim: 1));
    }
}
