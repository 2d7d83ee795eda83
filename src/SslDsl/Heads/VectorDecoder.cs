using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// An MLP decoder [B, inputDim] -> [B, outputDim] for tabular or flattened-series reconstruction and
/// forecast heads: <c>layers</c> linear layers with ReLU between them (one layer is a linear map).
/// The output is unbounded.
/// </summary>
public sealed class VectorDecoder : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    /// <summary>Creates the decoder.</summary>
    /// <param name="inputDim">Width of the representation.</param>
    /// <param name="outputDim">Width of the reconstruction (features, or channels x time steps flattened).</param>
    /// <param name="hidden">Width of the hidden layers.</param>
    /// <param name="layers">Number of linear layers, &gt;= 1.</param>
    /// <param name="name">Module name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public VectorDecoder(int inputDim, int outputDim, int hidden, int layers, string name = "decoder")
        : base(name)
    {
        Guard.Positive(nameof(VectorDecoder), inputDim);
        Guard.Positive(nameof(VectorDecoder), outputDim);
        Guard.Positive(nameof(VectorDecoder), hidden);
        Guard.Positive(nameof(VectorDecoder), layers);
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        int width = inputDim;
        for (int i = 0; i < layers - 1; i++)
        {
            modules.Add(($"linear{i}", nn.Linear(width, hidden)));
            modules.Add(($"relu{i}", nn.ReLU()));
            width = hidden;
        }

        modules.Add(($"linear{layers - 1}", nn.Linear(width, outputDim)));
        _layers = nn.Sequential(modules);
        InputDim = inputDim;
        OutputDim = outputDim;
        RegisterComponents();
    }

    /// <summary>Input width.</summary>
    public int InputDim { get; }

    /// <summary>Output width.</summary>
    public int OutputDim { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        Guard.LastDimension(nameof(VectorDecoder), input, 2, InputDim, "[B, inputDim]");
        return _layers.call(input);
    }
}
