using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Exports for other frameworks: PyTorch (state dict, safetensors, Python architecture) and ONNX.</summary>
public abstract partial class PretextTrainer<TBatch>
{
    /// <summary>
    /// Writes <see cref="Encoder"/> for other frameworks into <paramref name="directory"/>:
    /// <c>NAME.safetensors</c> and <c>NAME.pt</c> (its weights, for PyTorch and safetensors readers),
    /// <c>NAME.py</c> (its architecture for PyTorch: <c>NAME.load("NAME.pt")</c>) and <c>NAME.onnx</c>
    /// (for ONNX Runtime). The encoder's input is what <c>Embed</c> gives it: the deterministic
    /// preparation of a batch (normalization), so the ONNX graph fixes every axis of the first
    /// samples of <paramref name="example"/> but the batch. Text encoders return token states [B, L, D]
    /// (mean-pool them over the real tokens). See docs/interop.md.
    /// </summary>
    /// <param name="directory">The folder to write (created when missing).</param>
    /// <param name="example">Data shaped like the encoder's inputs (e.g. the training data); its first samples are prepared and traced.</param>
    /// <param name="name">The files' base name.</param>
    /// <returns>The files written.</returns>
    /// <exception cref="UnsupportedModuleException">The encoder holds a module the Python or ONNX export cannot translate
    /// (the message names it); the weight files are written before.</exception>
    public IReadOnlyList<string> ExportEncoderInterop(string directory, IDataSource<TBatch> example, string name = "encoder")
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(example);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var encoder = Encoder;
        string Target(string extension) => System.IO.Path.Combine(directory, name + extension);
        PyTorchExport.SaveSafetensors(encoder, Target(".safetensors"));
        PyTorchExport.SaveStateDict(encoder, Target(".pt"));

        using var scope = torch.NewDisposeScope();
        var input = ExampleInput(example);
        string description = $"the encoder of task '{Settings.TaskName}' (input {input.dtype} [B,{string.Join(",", input.shape.Skip(1))}], prepared as the task prepares it)";
        PyTorchExport.WritePythonModule(encoder, Target(".py"), description);
        OnnxExport.Save(encoder, input, Target(".onnx"), description);
        return new[] { Target(".safetensors"), Target(".pt"), Target(".py"), Target(".onnx") };
    }

    /// <summary>
    /// Writes the whole <see cref="Network"/> (encoder, heads, momentum target) as safetensors when
    /// <paramref name="path"/> ends in <c>.safetensors</c>, else as a PyTorch state dict.
    /// </summary>
    public void ExportNetworkWeights(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (string.Equals(Path.GetExtension(path), ".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            PyTorchExport.SaveSafetensors(Network, path);
        }
        else
        {
            PyTorchExport.SaveStateDict(Network, path);
        }
    }

    /// <summary>The prepared inputs of the first (at most 8) samples of <paramref name="data"/>, on <see cref="Device"/>.</summary>
    private Tensor ExampleInput(IDataSource<TBatch> data)
    {
        if (data.Count == 0)
        {
            throw new ArgumentException($"Dataset '{data.Name}' is empty; the ONNX export needs an example input.", nameof(data));
        }

        using var batches = data.Batches(new BatchRequest(8)).GetEnumerator();
        batches.MoveNext();
        using var noGrad = torch.no_grad();
        return PrepareForEmbedding(batches.Current.To(Device));
    }
}
