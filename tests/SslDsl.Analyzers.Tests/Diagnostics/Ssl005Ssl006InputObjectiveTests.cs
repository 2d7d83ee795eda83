using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>SSL005 (no input or several), SSL006 (no objective).</summary>
public class Ssl005Ssl006InputObjectiveTests
{
    public static readonly string FailingNoInput = Sources.Task("""
        [PretextTask("t")]
        [Views(2)]
        [HorizontalFlip]
        [NtXentLoss]
        """, name: "{|SSL005:T|}");

    public static readonly string FailingNoObjective = Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [HorizontalFlip]
        """, name: "{|SSL006:T|}");

    [Fact]
    public Task NoInputIsReportedOnTheClass() => AnalyzerTest.VerifyAsync(FailingNoInput);

    [Fact]
    public Task SecondInputIsReported() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr + "\n[{|SSL005:TabularInput(Features = 4)|}]"));

    [Fact]
    public Task OneInputIsValid() => AnalyzerTest.VerifyAsync(Sources.Task(Sources.SimClr));

    [Fact]
    public Task NoObjectiveIsReportedOnTheClass() => AnalyzerTest.VerifyAsync(FailingNoObjective);

    [Fact]
    public Task ReconstructionObjectiveIsAnObjective() => AnalyzerTest.VerifyAsync(Sources.Task("""
        [PretextTask("t")]
        [ImageInput]
        [PatchMask(PatchSize = 4, Ratio = 0.75)]
        [Decoder]
        [ReconstructionLoss]
        """));
}
