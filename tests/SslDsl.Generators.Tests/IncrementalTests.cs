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
        foreach (var name in new[] { TrackingNames.PretextTasks, TrackingNames.MultiTasks })
        {
            Assert.True(result.TrackedSteps.ContainsKey(name) || name == TrackingNames.MultiTasks, $"step {name} not tracked");
            if (!result.TrackedSteps.TryGetValue(name, out var steps))
            {
                continue;
            }

            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}");
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason);
        }
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
