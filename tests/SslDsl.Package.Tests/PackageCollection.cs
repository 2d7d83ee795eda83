using Xunit;

namespace SslDsl.Package.Tests;

/// <summary>The test classes that share one packed SslDsl and SslDsl.Templates (packing takes about a minute).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed package";
}
