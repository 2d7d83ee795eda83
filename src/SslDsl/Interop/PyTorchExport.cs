using System;
using System.Collections.Generic;
using System.IO;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Writes a module's weights (every parameter and buffer, under its state-dict key) for PyTorch:
/// as a PyTorch state dict that <c>torch.load</c> reads, or as safetensors. For the built-in
/// backbones (and any encoder built from the modules they use; docs/interop.md lists them),
/// <see cref="WritePythonModule"/> writes the matching architecture as Python source, so
/// <c>model = build(); model.load_state_dict(torch.load(path))</c> works with no guessing.
/// Files are written atomically; tensors are copied to the CPU first.
/// </summary>
public static class PyTorchExport
{
    /// <summary>Writes <paramref name="module"/>'s state dict as a PyTorch pickle (<c>.pt</c>), loadable with <c>torch.load</c>.</summary>
    public static void SaveStateDict(nn.Module module, string path) =>
        Write(module, path, (stream, tensors) => PyTorchPickler.PickleStateDict(stream, tensors, leaveOpen: true));

    /// <summary>Writes <paramref name="module"/>'s state dict as safetensors (<c>.safetensors</c>).</summary>
    public static void SaveSafetensors(nn.Module module, string path) =>
        Write(module, path, (stream, tensors) => Safetensors.SaveStateDict(stream, tensors, leaveOpen: true));

    /// <summary>
    /// Writes Python source defining <paramref name="module"/>'s architecture for PyTorch: a
    /// <c>build()</c> function returning an untrained <c>torch.nn.Module</c> with the same state-dict
    /// keys and shapes, and <c>load(path)</c> that builds, loads a state dict or safetensors file written
    /// here and switches to eval mode.
    /// </summary>
    /// <param name="module">The encoder.</param>
    /// <param name="path">The <c>.py</c> file to write.</param>
    /// <param name="description">A line saying what the module is (task, input), written in the file's header.</param>
    /// <exception cref="UnsupportedModuleException">The module holds a module with no Python translation (the message names it).</exception>
    public static void WritePythonModule(nn.Module module, string path, string description)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string source = PythonModuleWriter.Write(module, description);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(source);
        });
    }

    private static void Write(nn.Module module, string path, Action<Stream, Dictionary<string, Tensor>> save)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var scope = NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, tensor) in InteropStateDict.Of(module))
        {
            tensors[name] = tensor.detach().cpu().contiguous();
        }

        AtomicFile.Write(path, stream => save(stream, tensors));
    }
}
