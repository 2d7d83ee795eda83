using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>The pipeline caches: edits that do not touch a task leave its steps Cached/Unchanged, and models hold no symbols.</summary>
public class IncrementalTests
{
    [Fact]
    public void UnrelatedEditLeavesEveryStepCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.Compile(TaskSources.FashionSimClr, TaskSources.NestedRgbTask, "namespace Other; public class Unrelated { }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int Added => 1; }", GeneratorHarness.ParseOptions, path: "Task2.cs"));
        driver = driver.RunGenerators(edited);

        var result = driver.GetRunResult().Results.Single();

        // The named transform step ran once per task on the second pass (not vacuously empty).
        Assert.True(result.TrackedSteps.TryGetValue(TrackingNames.PretextTasks, out var taskSteps), $"step {TrackingNames.PretextTasks} not tracked");
        Assert.Equal(2, taskSteps!.SelectMany(s => s.Outputs).Count(o => o.Value is not null));

        // Every tracked step, the generator's and Roslyn's own attribute-lookup steps alike, produced only cached or
        // unchanged outputs, except the two input nodes that carry the new Compilation itself (they must change when
        // any file changes); the PretextTasks transform right after them being Unchanged shows the change stopped there.
        var compilationInputs = new HashSet<string> { "Compilation", "compilationAndGroupedNodes_ForAttributeWithMetadataName" };
        var stepOutputs = result.TrackedSteps.SelectMany(step => step.Value.SelectMany(run => run.Outputs.Select(o => (Name: step.Key, o.Reason)))).ToArray();
        Assert.Contains(stepOutputs, o => !compilationInputs.Contains(o.Name) && o.Name != TrackingNames.PretextTasks);
        foreach (var (name, reason) in stepOutputs.Where(o => !compilationInputs.Contains(o.Name)))
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name}: {reason}");
        }

        // Every source output (one per task) was served from the cache, so no file was re-emitted.
        var sourceOutputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToArray();
        Assert.Equal(2, sourceOutputs.Length);
        Assert.All(sourceOutputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(2, result.GeneratedSources.Length);
    }

    [Fact]
    public void EditingATaskRegeneratesOnlyThatTask()
    {
        var compilation = GeneratorHarness.Compile(TaskSources.FashionSimClr, TaskSources.NestedRgbTask);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(TaskSources.FashionSimClr.Replace("Temperature = 0.5", "Temperature = 0.25"), GeneratorHarness.ParseOptions, path: "Task0.cs"));
        driver = driver.RunGenerators(edited);
        var outputs = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.PretextTasks].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.Contains(IncrementalStepRunReason.Modified, outputs);
        Assert.Contains(IncrementalStepRunReason.Unchanged, outputs);
    }

    [Fact]
    public void PipelineModelsHoldNoSymbolsSyntaxOrLocations()
    {
        var compilation = GeneratorHarness.Compile(TaskSources.FashionSimClr, TaskSources.NestedRgbTask);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var values = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.PretextTasks]
            .SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
        Assert.Equal(2, values.Count(v => v is not null));
        foreach (var value in values)
        {
            AssertNoRoslynObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
        }
    }

    private static void AssertNoRoslynObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Location or SemanticModel or Compilation, $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, seen, $"{path}[{i++}]");
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length == 0 && property.DeclaringType?.Namespace?.StartsWith("SslDsl") == true)
            {
                AssertNoRoslynObjects(property.GetValue(value), seen, $"{path}.{property.Name}");
            }
        }
    }
}
