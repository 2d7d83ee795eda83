using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// A classifier [B, inputDim] -> [B, classes] logits for pretext classification (rotation, jigsaw,
/// relative position, next sentence): a linear layer, or Linear - ReLU - Linear when
/// <c>hidden</c> &gt; 0.
/// </summary>
public sealed class ClassifierHead : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    /// <summary>Creates the head.</summary>
    /// <param name="inputDim">Width of the representation.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="hidden">Width of the hidden layer; 0 for a linear classifier.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or hidden is negative.</exception>
    public ClassifierHead(int inputDim, int classes, int hidden = 0, string name = "classifier")
        : base(name)
    {
        Guard.Positive(nameof(ClassifierHead), inputDim);
        Guard.Positive(nameof(ClassifierHead), classes);
        if (hidden < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hidden), hidden, $"{nameof(ClassifierHead)}: hidden must be >= 0 (0 = a linear classifier).");
        }

        _layers = hidden == 0
            ? nn.Sequential(("linear0", nn.Linear(inputDim, classes)))
            : nn.Sequential(
                ("linear0", nn.Linear(inputDim, hidden)),
                ("relu0", nn.ReLU()),
                ("linear1", nn.Linear(hidden, classes)));
        InputDim = inputDim;
        Classes = classes;
        RegisterComponents();
    }

    /// <summary>Input width.</summary>
    public int InputDim { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Guard.LastDimension(nameof(ClassifierHead), input, 2, InputDim, "[B, inputDim]");
        return _layers.call(input);
    }
}
