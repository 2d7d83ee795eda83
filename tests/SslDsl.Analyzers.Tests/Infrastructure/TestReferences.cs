using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// The references test sources compile against: the .NET 10 reference assemblies (from
/// Basic.Reference.Assemblies.Net100, so nothing is downloaded at test time), the real SslDsl
/// runtime (its attribute classes) and TorchSharp.
/// </summary>
internal static class TestReferences
{
    /// <summary>Every reference, created once.</summary>
    public static readonly ImmutableArray<MetadataReference> All = Basic.Reference.Assemblies.Net100.References.All
        .Cast<MetadataReference>()
        .Concat(new[]
        {
            MetadataReference.CreateFromFile(typeof(SslDsl.PretextTaskAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
        })
        .ToImmutableArray();

    /// <summary>Reference assemblies with no package to resolve: the framework comes from <see cref="All"/>.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    /// <summary>Makes <paramref name="state"/> compile against <see cref="All"/>.</summary>
    public static void Apply(SolutionState state)
    {
        state.AdditionalReferences.AddRange(All);
    }
}
