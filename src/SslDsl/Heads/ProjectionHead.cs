using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The MLP g(h): <c>Layers</c> linear layers; between them batch normalization (optional) and ReLU.
/// A 1-layer head is a linear projection.
/// </summary>
public sealed class ProjectionHead : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    /// <summary>Creates a head from <paramref name="input"/> to <paramref name="output"/> features.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A width or the layer count is not positive.</exception>
    public ProjectionHead(int input, int hidden, int output, int layers = 2, bool batchNorm = true, string name = "projection")
        : base(name)
    {
        if (input <= 0 || hidden <= 0 || output <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), $"Head widths must be > 0 (input {input}, hidden {hidden}, output {output}).");
        }

        if (layers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), layers, "A head needs at least one layer.");
        }

        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        int width = input;
        for (int i = 0; i < layers - 1; i++)
        {
            modules.Add(($"linear{i}", nn.Linear(width, hidden, hasBias: !batchNorm)));
            if (batchNorm)
            {
                modules.Add(($"bn{i}", nn.BatchNorm1d(hidden)));
            }

            modules.Add(($"relu{i}", nn.ReLU()));
            width = hidden;
        }

        modules.Add(($"linear{layers - 1}", nn.Linear(width, output)));
        _layers = nn.Sequential(modules);
        InputDim = input;
        OutputDim = output;
        RegisterComponents();
    }

    /// <summary>Input width.</summary>
    public int InputDim { get; }

    /// <summary>Output width.</summary>
    public int OutputDim { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => _layers.forward(input);
}
