using System;
using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Device selection.</summary>
public static class Devices
{
    /// <summary>CUDA when this process can use it, otherwise the CPU.</summary>
    public static Device Best() => torch.cuda.is_available() ? torch.CUDA : torch.CPU;

    /// <summary>
    /// Parses "cpu", "cuda", "cuda:N" or "auto" (null or empty also mean auto) and checks that the
    /// device exists in this process.
    /// </summary>
    /// <param name="text">The device name.</param>
    /// <param name="setting">How the caller names the setting that holds <paramref name="text"/>, for messages (for example "Option --device").</param>
    /// <exception cref="ArgumentException">Not a device name, or a CUDA device this process cannot use (the message says why).</exception>
    public static Device Parse(string? text, string setting = "The device setting")
    {
        string name = (text ?? "").Trim().ToLowerInvariant();
        if (name is "" or "auto")
        {
            return Best();
        }

        if (name == "cpu")
        {
            return torch.CPU;
        }

        int index = 0;
        if (name != "cuda" && !(name.StartsWith("cuda:", StringComparison.Ordinal) &&
            int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out index)))
        {
            throw new ArgumentException($"{setting}: '{text}' is not a device; use auto, cpu, cuda or cuda:N (N the GPU's index).");
        }

        // torch.device("cuda") itself fails where CUDA is missing, so check before creating it.
        EnsureCuda(name, index, setting);
        return torch.device(name);
    }

    /// <summary>Throws unless this process can put tensors on <paramref name="device"/>.</summary>
    /// <param name="device">The device.</param>
    /// <param name="setting">How the caller names the setting that chose the device, for the message.</param>
    /// <exception cref="ArgumentException">CUDA is not available here, or there is no GPU with that index.</exception>
    public static void EnsureAvailable(Device device, string setting = "The device setting")
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.type == DeviceType.CUDA)
        {
            EnsureCuda(device.ToString(), Math.Max(0, device.index), setting);
        }
    }

    private static void EnsureCuda(string name, int index, string setting)
    {
        if (!torch.cuda.is_available())
        {
            throw new ArgumentException(
                $"{setting} asks for {name}, but CUDA is not available in this process: no NVIDIA GPU or driver was found, or SslDsl was built " +
                "with the CPU back end (build with -p:SslDslTorchBackend=cuda). Use cpu, or auto to take CUDA only when it is there.");
        }

        int count = torch.cuda.device_count();
        if (index >= count)
        {
            throw new ArgumentException($"{setting} asks for {name}, but this machine has {count} CUDA device(s), numbered 0 to {count - 1}.");
        }
    }
}
