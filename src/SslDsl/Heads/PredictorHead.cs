using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// BYOL's predictor q: Linear(input, hidden) - BatchNorm1d - ReLU - Linear(hidden, output), applied to
/// the online projection to predict the target projection. Input [B, input], output [B, output].
/// </summary>
public sealed class PredictorHead : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    /// <summary>Creates a predictor from <paramref name="input"/> to <paramref name="output"/> features.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A width is not positive.</exception>
    public PredictorHead(int input, int hidden, int output, string name = "predictor")
        : base(name)
    {
        Guard.Positive(nameof(PredictorHead), input);
        Guard.Positive(nameof(PredictorHead), hidden);
        Guard.Positive(nameof(PredictorHead), output);
        _layers = nn.Sequential(
            ("linear0", nn.Linear(input, hidden)),
            ("bn0", nn.BatchNorm1d(hidden)),
            ("relu0", nn.ReLU()),
            ("linear1", nn.Linear(hidden, output)));
        InputDim = input;
        OutputDim = output;
        RegisterComponents();
    }

    /// <summary>Input width.</summary>
    public int InputDim { get; }

    /// <summary>Output width.</summary>
    public int OutputDim { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Guard.LastDimension(nameof(PredictorHead), input, 2, InputDim, "[B, input]");
        return _layers.call(input);
    }
}
