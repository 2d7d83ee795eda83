using Microsoft.CodeAnalysis;

namespace SslDsl.Generators;

/// <summary>Diagnostics the generator itself reports (the user-facing catalogue lives in the analyzers).</summary>
internal static class GeneratorDiagnostics
{
    /// <summary>An emitter failed on a declaration that passed validation: a bug in SslDsl, never the user's fault.</summary>
    public static readonly DiagnosticDescriptor EmitterFailed = new(
        "SSL900",
        "SslDsl generator failed on a task",
        "SslDsl could not generate code for task '{0}' ({1}: {2}); its members are missing from this build. Please report this with the declaration.",
        "SslDsl",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: "https://github.com/SslDsl/SslDsl/blob/main/docs/diagnostics.md#ssl900");
}
