using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Initialises a module (for example a built-in backbone) from weights written by PyTorch
/// (<c>torch.save(model.state_dict(), path)</c>) or as safetensors, or by <see cref="PyTorchExport"/>.
/// Every parameter and buffer of the module must be in the file with the same shape, and the file
/// may hold nothing else: a missing, extra or wrongly shaped tensor is reported by name and
/// nothing is loaded (never a partial load). The module keeps its device and dtypes.
/// </summary>
public static class PyTorchImport
{
    /// <summary>Loads a safetensors file (by the <c>.safetensors</c> extension) or else a PyTorch state dict.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">The file does not fit the module (the message names each tensor), or cannot be read.</exception>
    public static void Load(nn.Module module, string path)
    {
        if (string.Equals(Path.GetExtension(path), ".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            LoadSafetensors(module, path);
        }
        else
        {
            LoadStateDict(module, path);
        }
    }

    /// <summary>Loads a PyTorch state dict (<c>torch.save(model.state_dict(), path)</c>) into <paramref name="module"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">The file does not fit the module (the message names each tensor), or is not a state dict.</exception>
    public static void LoadStateDict(nn.Module module, string path) =>
        Load(module, path, "PyTorch state dict", () =>
        {
            var found = new Dictionary<string, Tensor>();
            foreach (DictionaryEntry entry in PyTorchUnpickler.UnpickleStateDict(path))
            {
                if (entry.Key is not string name || entry.Value is not Tensor tensor)
                {
                    throw new InvalidDataException($"entry '{entry.Key}' is a {entry.Value?.GetType().Name ?? "null"}, not a tensor; save model.state_dict(), not the model");
                }

                found[name] = tensor;
            }

            return found;
        });

    /// <summary>Loads a safetensors file into <paramref name="module"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CheckpointMismatchException">The file does not fit the module (the message names each tensor), or is not safetensors.</exception>
    public static void LoadSafetensors(nn.Module module, string path) =>
        Load(module, path, "safetensors file", () => Safetensors.LoadStateDict(path));

    private static void Load(nn.Module module, string path, string kind, Func<Dictionary<string, Tensor>> read)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Weights file not found: {path}.", path);
        }

        using var scope = NewDisposeScope();
        Dictionary<string, Tensor> found;
        try
        {
            found = read();
        }
        catch (Exception e) when (e is not OutOfMemoryException and not CheckpointMismatchException)
        {
            throw new CheckpointMismatchException(path, $"cannot be read as a {kind} ({e.GetType().Name}: {e.Message}).", e);
        }

        var target = InteropStateDict.Of(module);
        string? problems = StateDictCheck.Differences(found, target);
        if (problems is not null)
        {
            throw new CheckpointMismatchException(path, $"the {kind} does not fit the module, so nothing was loaded: {problems}.");
        }

        using var noGrad = no_grad();
        foreach (var (name, tensor) in target)
        {
            tensor.copy_(found[name]);
        }
    }
}
