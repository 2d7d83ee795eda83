using System.Threading.Tasks;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>[CategoricalFeature] fits tabular tasks only, and its cardinality, width and encoding are checked like every other argument.</summary>
public class CategoricalFeatureTests
{
    private const string Scarf = """
        [PretextTask("t")]
        [TabularInput(Features = 6)]
        [Views(2)]
        [FeatureCorruption(Rate = 0.6)]
        [ProjectionHead(Hidden = 16, Output = 8)]
        [NtXentLoss(Temperature = 0.5)]
        """;

    [Fact]
    public Task DeclaredColumnsOfATabularTaskAreAccepted() => AnalyzerTest.VerifyAsync(
        Sources.Task(Scarf + "\n[CategoricalFeature(\"colour\")]\n[CategoricalFeature(\"city\", Encoding = CategoricalEncoding.Embedding, Cardinality = 40, EmbeddingDim = 4)]"));

    [Fact]
    public Task OnAnImageTaskItIsReported() => AnalyzerTest.VerifyAsync(
        Sources.SimClrWith("[{|SSL013:CategoricalFeature(\"colour\")|}]"));

    [Fact]
    public Task ANegativeCardinalityIsReported() => AnalyzerTest.VerifyAsync(
        Sources.Task(Scarf + "\n[CategoricalFeature(\"colour\", {|SSL015:Cardinality = -1|})]"));

    [Fact]
    public Task AZeroEmbeddingWidthIsReported() => AnalyzerTest.VerifyAsync(
        Sources.Task(Scarf + "\n[CategoricalFeature(\"city\", Encoding = CategoricalEncoding.Embedding, Cardinality = 40, {|SSL016:EmbeddingDim = 0|})]"));

    [Fact]
    public Task AnUndefinedEncodingIsReported() => AnalyzerTest.VerifyAsync(
        Sources.Task(Scarf + "\n[CategoricalFeature(\"city\", {|SSL026:Encoding = (CategoricalEncoding)7|})]"));
}
