using System;

namespace SslDsl;

/// <summary>
/// An encoder holds a module an exporter cannot translate (ONNX, or the Python definition for
/// PyTorch). The message names the module's path in the encoder and its type, and lists what is supported.
/// </summary>
public sealed class UnsupportedModuleException : NotSupportedException
{
    /// <summary>Creates the exception for the module at <paramref name="modulePath"/>.</summary>
    /// <param name="format">What was being written, e.g. "ONNX export".</param>
    /// <param name="modulePath">The module's path in the encoder ("" for the encoder itself).</param>
    /// <param name="moduleType">The module's type name.</param>
    /// <param name="detail">Why, when the type is supported but this configuration is not; null for an unknown type.</param>
    /// <param name="supported">The module types the exporter translates.</param>
    public UnsupportedModuleException(string format, string modulePath, string moduleType, string? detail, string supported)
        : base($"{format}: module '{(modulePath.Length == 0 ? "(encoder)" : modulePath)}' ({moduleType}) " +
               (detail ?? $"is not supported. Supported modules: {supported}."))
    {
        ModulePath = modulePath;
        ModuleType = moduleType;
    }

    /// <summary>The module's path in the encoder, as in its state-dict keys ("" for the encoder itself).</summary>
    public string ModulePath { get; }

    /// <summary>The module's type name.</summary>
    public string ModuleType { get; }
}
