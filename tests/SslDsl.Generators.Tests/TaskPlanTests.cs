using System;
using System.Linq;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>The typed plan keeps families apart: no local or module is declared twice, and shared values are declared once.</summary>
public class TaskPlanTests
{
    private static ObjectivePlan Objective() =>
        new(InputKind.Of(AttributeCatalog.ImageInput.Defaults), new PipelinePlan());

    [Fact]
    public void ALocalDeclaredTwiceIsRefused()
    {
        var objective = Objective();
        objective.Local("target", "pipeline.Target(batch.Images)");
        var e = Assert.Throws<InvalidOperationException>(() => objective.Local("target", "batch.Images"));
        Assert.Contains("'target'", e.Message);
        Assert.Throws<InvalidOperationException>(() => objective.Locals(new[] { "target", "labels" }, "x"));
    }

    [Fact]
    public void TheNamesOfTheObjectiveMethodAndItsTotalAreReserved()
    {
        var objective = Objective();
        foreach (var name in new[] { "model", "pipeline", "batch", "total" })
        {
            Assert.Throws<InvalidOperationException>(() => objective.Local(name, "x"));
        }
    }

    [Fact]
    public void TheViewsAreDeclaredOnceForEveryFamilyThatReadsThem()
    {
        var pipeline = new PipelinePlan();
        var objective = new ObjectivePlan(InputKind.Of(AttributeCatalog.ImageInput.Defaults), pipeline);
        Assert.False(pipeline.DrawsViews);
        Assert.Equal("views", objective.Views());
        Assert.Equal("views", objective.Views());
        Assert.True(pipeline.DrawsViews);
        var declaration = Assert.Single(objective.Statements.OfType<LocalStatement>());
        Assert.Equal(new LocalStatement("views", "pipeline.Views(batch.Images)"), declaration);
    }

    [Fact]
    public void AModuleNamedTwiceIsRefused()
    {
        var model = new ModelPlan();
        model.Add(new ModelMember("decoder", "Decoder", "ImageDecoder", "new ImageDecoder(...)", "d"));
        Assert.Throws<InvalidOperationException>(() => model.Add(new ModelMember("decoder", "Other", "VectorDecoder", "new VectorDecoder(...)", "d")));
        Assert.Throws<InvalidOperationException>(() => model.Add(new ModelMember("other", "Decoder", "VectorDecoder", "new VectorDecoder(...)", "d")));
        Assert.Throws<InvalidOperationException>(() => model.Add(new ModelMember("encoder", "Backbone", "Module", "x", "d")));
    }

    [Fact]
    public void AnObjectiveReadsItsWeightFromItsOwnCatalogEntry()
    {
        var objective = Objective();
        var weighted = AttributeCatalog.AdversarialLoss.Defaults;
        objective.Term(weighted, "adversarial");
        var term = Assert.Single(objective.Terms);
        Assert.Equal(new LossTerm("adversarial", "adversarial", "0.001", IsUnitWeight: false), term);
    }
}
