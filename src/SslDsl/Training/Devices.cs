using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Device selection.</summary>
public static class Devices
{
    /// <summary>CUDA when this process can use it, otherwise the CPU.</summary>
    public static Device Best() => torch.cuda.is_available() ? torch.CUDA : torch.CPU;

    /// <summary>Parses "cpu", "cuda", "cuda:1" or "auto" (null or empty also mean auto).</summary>
    public static Device Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().ToLowerInvariant() == "auto" ? Best() : torch.device(text.Trim());
}
