using System.Threading.Tasks;
using SslDsl.Analyzers.CodeFixes;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// SSL007's fix: the nearest valid value. Closed bounds clamp to the bound (1.2 -> 1.0 in [0, 1]);
/// open bounds move 0.01 inside (1.0 -> 0.99 in (0, 1); 0 -> 0.01 in (0, 1]).
/// </summary>
public class Ssl007ClampRepairTests
{
    [Theory]
    [InlineData("[VerticalFlip({|SSL007:P = 1.2|})]", "[VerticalFlip(P = 1.0)]")]
    [InlineData("[VerticalFlip({|SSL007:P = -0.5|})]", "[VerticalFlip(P = 0.0)]")]
    [InlineData("[RandomResizedCrop({|SSL007:MinScale = 0|})]", "[RandomResizedCrop(MinScale = 0.01)]")]
    [InlineData("[RandomResizedCrop(MinScale = 0.2, {|SSL007:MaxScale = 1.5|})]", "[RandomResizedCrop(MinScale = 0.2, MaxScale = 1.0)]")]
    [InlineData("[Solarize({|SSL007:Threshold = 2|}, P = 0.2)]", "[Solarize(Threshold = 1.0, P = 0.2)]")]
    public Task ClampsImageProbabilities(string wrong, string fixedAttribute) => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        Sources.SimClrWith(wrong), Sources.SimClrWith(fixedAttribute));

    [Fact]
    public Task MovesAMaskRatioOfOneInsideTheOpenRange() => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        Sources.Task("""
            [PretextTask("mae")]
            [ImageInput]
            [PatchMask(PatchSize = 4, {|SSL007:Ratio = 1.0|})]
            [Decoder]
            [ReconstructionLoss]
            """),
        Sources.Task("""
            [PretextTask("mae")]
            [ImageInput]
            [PatchMask(PatchSize = 4, Ratio = 0.99)]
            [Decoder]
            [ReconstructionLoss]
            """));

    [Fact]
    public Task FixesEveryValueOfADeclaration() => CodeFixTest<RepairCodeFixProvider>.VerifyAsync(
        Sources.SimClrWith("[VerticalFlip({|SSL007:P = 3|})]\n[GaussianNoise(Std = 0.1, {|SSL007:P = -1|})]"),
        Sources.SimClrWith("[VerticalFlip(P = 1.0)]\n[GaussianNoise(Std = 0.1, P = 0.0)]"));
}
