using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TorchSharp.Modules;

namespace SslDsl;

/// <summary>
/// One convolution as libtorch runs it: the layer's configuration (1-D or 2-D, plain or transposed)
/// and the size of its input. <see cref="ConvolutionGradientCheck"/> runs such a case in float32 and
/// float64 and compares the gradients.
/// </summary>
public sealed record ConvolutionCase
{
    /// <summary>Creates a case; every size is checked.</summary>
    /// <exception cref="ArgumentException">A size is not positive, the lists have different lengths, or the channels do not divide by the groups.</exception>
    public ConvolutionCase(bool transposed, long inChannels, long outChannels, IReadOnlyList<long> kernel, IReadOnlyList<long> stride,
        IReadOnlyList<long> padding, IReadOnlyList<long> dilation, IReadOnlyList<long> outputPadding, long groups, long batch, IReadOnlyList<long> inputSize)
    {
        int dims = kernel.Count;
        if (dims is not (1 or 2) || new[] { stride, padding, dilation, outputPadding, inputSize }.Any(l => l.Count != dims))
        {
            throw new ArgumentException($"A convolution case needs 1 or 2 spatial dimensions given the same way in kernel, stride, padding, dilation, output padding and input size; got {dims} kernel dimension(s).");
        }

        if (inChannels < 1 || outChannels < 1 || groups < 1 || batch < 1 || inChannels % groups != 0 || outChannels % groups != 0 ||
            kernel.Concat(stride).Concat(dilation).Concat(inputSize).Any(v => v < 1) || padding.Concat(outputPadding).Any(v => v < 0))
        {
            throw new ArgumentException($"Invalid convolution case: in {inChannels}, out {outChannels}, groups {groups}, batch {batch}, kernel [{string.Join(",", kernel)}], input [{string.Join(",", inputSize)}].");
        }

        Transposed = transposed;
        InChannels = inChannels;
        OutChannels = outChannels;
        Kernel = kernel.ToArray();
        Stride = stride.ToArray();
        Padding = padding.ToArray();
        Dilation = dilation.ToArray();
        OutputPadding = outputPadding.ToArray();
        Groups = groups;
        Batch = batch;
        InputSize = inputSize.ToArray();
        Key = Describe();
    }

    /// <summary>A plain (not transposed) 2-D convolution with a square kernel, stride 1 unless given, on square inputs.</summary>
    public static ConvolutionCase Conv2d(long inChannels, long outChannels, long kernel, long batch, long size, long padding = 0, long stride = 1) =>
        new(false, inChannels, outChannels, new[] { kernel, kernel }, new[] { stride, stride }, new[] { padding, padding }, new[] { 1L, 1L }, new[] { 0L, 0L }, 1, batch, new[] { size, size });

    /// <summary>
    /// The case of <paramref name="layer"/> on inputs of <paramref name="batch"/> x in_channels x <paramref name="inputSize"/>;
    /// null for a layer libtorch does not run through its CPU convolution back ends (3-D, or padding modes other than zeros).
    /// </summary>
    public static ConvolutionCase? Of(Convolution layer, long batch, IReadOnlyList<long> inputSize)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.kernel_size.Length is not (1 or 2) || layer.padding_mode != TorchSharp.PaddingModes.Zeros || layer.padding_type is not null ||
            inputSize.Count != layer.kernel_size.Length)
        {
            return null;
        }

        return new ConvolutionCase(layer.transposed, layer.in_channels, layer.out_channels, layer.kernel_size, layer.stride, layer.padding ?? new long[layer.kernel_size.Length],
            layer.dilation, layer.output_padding ?? new long[layer.kernel_size.Length], layer.groups, batch, inputSize);
    }

    /// <summary>Whether the convolution is transposed (ConvTranspose1d/2d).</summary>
    public bool Transposed { get; }

    /// <summary>Input channels.</summary>
    public long InChannels { get; }

    /// <summary>Output channels.</summary>
    public long OutChannels { get; }

    /// <summary>Kernel size per spatial dimension.</summary>
    public IReadOnlyList<long> Kernel { get; }

    /// <summary>Stride per spatial dimension.</summary>
    public IReadOnlyList<long> Stride { get; }

    /// <summary>Zero padding per spatial dimension.</summary>
    public IReadOnlyList<long> Padding { get; }

    /// <summary>Dilation per spatial dimension.</summary>
    public IReadOnlyList<long> Dilation { get; }

    /// <summary>Output padding per spatial dimension (transposed convolutions only).</summary>
    public IReadOnlyList<long> OutputPadding { get; }

    /// <summary>Groups.</summary>
    public long Groups { get; }

    /// <summary>Batch size of the input.</summary>
    public long Batch { get; }

    /// <summary>Spatial size of the input.</summary>
    public IReadOnlyList<long> InputSize { get; }

    /// <summary>Spatial dimensions (1 or 2).</summary>
    public int SpatialDims => Kernel.Count;

    /// <summary>A readable, unique description, for example <c>Conv2d 1->8 k3x3 s1 p1 on 16x1x8x8</c>.</summary>
    public string Key { get; }

    /// <summary>Shape of the input tensor.</summary>
    public long[] InputShape => new[] { Batch, InChannels }.Concat(InputSize).ToArray();

    /// <summary>Shape of the weight tensor (libtorch's layout: [out, in/groups, k...], transposed [in, out/groups, k...]).</summary>
    public long[] WeightShape => (Transposed ? new[] { InChannels, OutChannels / Groups } : new[] { OutChannels, InChannels / Groups }).Concat(Kernel).ToArray();

    /// <summary>Multiply-adds of one forward pass: a rough cost used to bound the size of a check.</summary>
    public double MultiplyAdds
    {
        get
        {
            double positions = 1;
            for (int d = 0; d < SpatialDims; d++)
            {
                positions *= Transposed ? InputSize[d] * Stride[d] : Math.Max(1, (InputSize[d] + 2 * Padding[d] - Dilation[d] * (Kernel[d] - 1) - 1) / Stride[d] + 1);
            }

            return Batch * positions * OutChannels * (InChannels / (double)Groups) * Kernel.Aggregate(1L, (a, k) => a * k);
        }
    }

    /// <summary>The same case with another batch size.</summary>
    public ConvolutionCase WithBatch(long batch) =>
        new(Transposed, InChannels, OutChannels, Kernel, Stride, Padding, Dilation, OutputPadding, Groups, batch, InputSize);

    /// <inheritdoc />
    public bool Equals(ConvolutionCase? other) => other is not null && other.Key == Key;

    /// <inheritdoc />
    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Key;

    private string Describe()
    {
        static string Join(IEnumerable<long> v, string sep) => string.Join(sep, v.Select(x => x.ToString(CultureInfo.InvariantCulture)));
        string kind = (Transposed ? "ConvTranspose" : "Conv") + SpatialDims.ToString(CultureInfo.InvariantCulture) + "d";
        string extra = (Dilation.Any(d => d != 1) ? $" d{Join(Dilation, "x")}" : "") + (Groups != 1 ? $" g{Groups}" : "") +
            (Transposed && OutputPadding.Any(p => p != 0) ? $" op{Join(OutputPadding, "x")}" : "");
        return $"{kind} {InChannels}->{OutChannels} k{Join(Kernel, "x")} s{Join(Stride, "x")} p{Join(Padding, "x")}{extra} on {Join(InputShape, "x")}";
    }
}
