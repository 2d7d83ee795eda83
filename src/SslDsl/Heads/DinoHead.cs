using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// DINO's projection head: Linear(input, hidden) - GELU - Linear(hidden, hidden) - GELU - Linear(hidden,
/// bottleneck), L2 normalization, then a weight-normalized linear layer without bias to <c>output</c>
/// dimensions (the "prototypes" the softmax runs over). The last layer's weight is v / ||v|| per output row,
/// times a learned per-row scale unless <c>normalizeLastLayer</c> (DINO's default keeps it at 1). Its
/// weights may stay frozen for the first epochs (DINO's freeze_last_layer), which stabilizes the start.
/// Linear weights start from a normal with standard deviation 0.02 (DINO's truncation at +-2 never cuts at that
/// scale), biases at 0, as in DINO.
/// </summary>
public sealed class DinoHead : nn.Module<Tensor, Tensor>, IEpochAware
{
    private readonly Sequential mlp;
    private readonly Parameter last_weight;
    private readonly Parameter? last_scale;
    private readonly int _freezeLastLayerEpochs;
    private int _epoch;

    /// <summary>Creates the head.</summary>
    /// <param name="input">Width of the representation.</param>
    /// <param name="hidden">Width of the two hidden layers (DINO: 2048).</param>
    /// <param name="bottleneck">Width of the normalized bottleneck (DINO: 256).</param>
    /// <param name="output">Output dimensions K (DINO: 65536).</param>
    /// <param name="normalizeLastLayer">Whether the last layer's rows keep unit norm (no learned scale).</param>
    /// <param name="freezeLastLayerEpochs">Epochs during which the last layer is not trained, &gt;= 0.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A width is not positive or the frozen epochs negative.</exception>
    public DinoHead(int input, int hidden = 2048, int bottleneck = 256, int output = 65536, bool normalizeLastLayer = true, int freezeLastLayerEpochs = 0, string name = "dino_head")
        : base(name)
    {
        const string op = nameof(DinoHead);
        Guard.Positive(op, input);
        Guard.Positive(op, hidden);
        Guard.Positive(op, bottleneck);
        Guard.Positive(op, output);
        Guard.NonNegative(op, freezeLastLayerEpochs);
        mlp = nn.Sequential(
            ("linear0", nn.Linear(input, hidden)),
            ("gelu0", nn.GELU()),
            ("linear1", nn.Linear(hidden, hidden)),
            ("gelu1", nn.GELU()),
            ("linear2", nn.Linear(hidden, bottleneck)));
        using (torch.no_grad())
        {
            foreach (var (parameterName, p) in mlp.named_parameters())
            {
                if (parameterName.EndsWith("weight", StringComparison.Ordinal))
                {
                    nn.init.normal_(p, std: 0.02);
                }
                else
                {
                    p.zero_();
                }
            }
        }

        last_weight = nn.Parameter(nn.init.normal_(torch.empty(output, bottleneck), std: 0.02));
        last_scale = normalizeLastLayer ? null : nn.Parameter(torch.ones(output, 1));
        _freezeLastLayerEpochs = freezeLastLayerEpochs;
        InputDim = input;
        OutputDim = output;
        RegisterComponents();
    }

    /// <summary>Input width.</summary>
    public int InputDim { get; }

    /// <summary>Output dimensions K.</summary>
    public int OutputDim { get; }

    /// <summary>Whether the last layer is frozen in the current epoch (its weights get no gradient).</summary>
    public bool LastLayerFrozen => _epoch < _freezeLastLayerEpochs;

    /// <inheritdoc />
    public void SetEpoch(int epoch) => _epoch = epoch;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Guard.LastDimension(nameof(DinoHead), input, 2, InputDim, "[B, input]");
        using var scope = torch.NewDisposeScope();
        var bottleneck = nn.functional.normalize(mlp.call(input), dim: 1);
        var v = LastLayerFrozen ? last_weight.detach() : (Tensor)last_weight;
        var weight = v.div(v.norm(1, keepdim: true));
        if (last_scale is not null)
        {
            weight = weight.mul(LastLayerFrozen ? last_scale.detach() : last_scale);
        }

        return bottleneck.matmul(weight.t()).MoveToOuterDisposeScope();
    }
}
