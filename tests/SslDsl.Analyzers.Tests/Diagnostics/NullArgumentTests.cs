using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// Arguments given as null compile, but the generator cannot honour them: each is reported (found by the
/// generator fuzz test, where [PretextTask(null)] passed the analyzer and silently generated nothing).
/// </summary>
public class NullArgumentTests
{
    [Fact]
    public Task NullTaskNameIsReported() =>
        AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr.Replace("[PretextTask(\"t\")]", "[PretextTask({|SSL026:null|})]")));

    [Fact]
    public Task NullObjectiveIsReported() =>
        AnalyzerTest.VerifyAsync(Ssl019MultiTaskTests.Failing.Replace("typeof(string)", "null"));

    [Fact]
    public Task NullNormalizeMeanIsReported() =>
        AnalyzerTest.VerifyAsync(Sources.SimClrWith("[Normalize({|SSL026:Mean = null|})]"));
}
