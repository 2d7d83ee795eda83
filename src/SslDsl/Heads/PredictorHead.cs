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
        HeadArguments.Positive(input, nameof(PredictorHead), nameof(input));
        HeadArguments.Positive(hidden, nameof(PredictorHead), nameof(hidden));
        HeadArguments.Positive(output, nameof(PredictorHead), nameof(output));
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
        HeadArguments.Input(input, 2, InputDim, nameof(PredictorHead), "[B, input]");
        return _layers.forward(input);
    }
}
