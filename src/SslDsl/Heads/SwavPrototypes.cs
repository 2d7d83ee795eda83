using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// SwAV's prototypes: K trainable unit vectors c_k. forward(z) returns the cosine scores normalize(z) c^T
/// [B, K]. The prototypes are renormalized to unit length after every update (<see cref="Normalize"/>) and
/// get no gradient during the first <c>freezeEpochs</c> epochs, as in the paper.
/// </summary>
public sealed class SwavPrototypes : nn.Module<Tensor, Tensor>, IEpochAware
{
    private readonly Parameter weight;
    private readonly int _freezeEpochs;
    private int _epoch;

    /// <summary>Creates <paramref name="count"/> random unit prototypes of width <paramref name="dim"/>.</summary>
    /// <param name="dim">Width of the (projected) features.</param>
    /// <param name="count">Number of prototypes K (paper: 3000).</param>
    /// <param name="freezeEpochs">Epochs during which the prototypes are not trained, &gt;= 0 (paper: 1).</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public SwavPrototypes(int dim, int count = 3000, int freezeEpochs = 1, string name = "prototypes")
        : base(name)
    {
        const string op = nameof(SwavPrototypes);
        Guard.Positive(op, dim);
        Guard.Positive(op, count);
        Guard.NonNegative(op, freezeEpochs);
        weight = nn.Parameter(nn.functional.normalize(nn.init.kaiming_uniform_(torch.empty(count, dim), a: Math.Sqrt(5)), dim: 1));
        _freezeEpochs = freezeEpochs;
        Dim = dim;
        Count = count;
        RegisterComponents();
    }

    /// <summary>Width of the features.</summary>
    public int Dim { get; }

    /// <summary>Number of prototypes K.</summary>
    public int Count { get; }

    /// <summary>Whether the prototypes are frozen in the current epoch.</summary>
    public bool Frozen => _epoch < _freezeEpochs;

    /// <summary>The prototypes [K, dim], detached.</summary>
    public Tensor Vectors => weight.detach();

    /// <inheritdoc />
    public void SetEpoch(int epoch) => _epoch = epoch;

    /// <summary>Rescales every prototype to unit length, in place and without gradients (after each update).</summary>
    public void Normalize()
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        weight.div_(weight.norm(1, keepdim: true).clamp_min(1e-12));
    }

    /// <summary>The cosine scores normalize(z) c^T of features <paramref name="input"/> [B, dim] against the prototypes: [B, K].</summary>
    public override Tensor forward(Tensor input)
    {
        Guard.LastDimension(nameof(SwavPrototypes), input, 2, Dim, "[B, dim]");
        using var scope = torch.NewDisposeScope();
        var prototypes = Frozen ? weight.detach() : (Tensor)weight;
        return nn.functional.normalize(input, dim: 1).matmul(prototypes.t()).MoveToOuterDisposeScope();
    }
}
