using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>Every failing case of the catalogue raises exactly the diagnostics its markup shows.</summary>
public class CatalogueAnalyzerTests
{
    [Theory]
    [MemberData(nameof(Catalogue.Cases), MemberType = typeof(Catalogue))]
    public Task FailingCaseRaisesItsDiagnostic(string id, string source)
    {
        Assert.StartsWith("SSL", id);
        return AnalyzerTest.VerifyAsync(source);
    }
}
