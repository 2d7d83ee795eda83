using System;
using System.Linq;
using System.Reflection;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>
/// A task whose declaration has errors gets shells of its generated types: they compile without a warning,
/// match the checked-in snapshots, and every member throws an exception that names the errors.
/// </summary>
public class ShellTests
{
    /// <summary>The main example with one slip: a flip probability of 1.2 (SSL007).</summary>
    private static readonly string FashionSimClrWithAnError = TaskSources.FashionSimClr.Replace("[HorizontalFlip(P = 0.5)]", "[HorizontalFlip(P = 1.2)]", StringComparison.Ordinal);

    /// <summary>The BYOL family case nested in a generic class (SSL031), so its shell has the momentum members and repeats Outer's type parameter.</summary>
    private static readonly string ByolInAGenericClass = FamilySources.All["Byol"]
        .Replace("namespace Snapshots;\n", "namespace Snapshots;\n\npublic partial class Outer<TItem> where TItem : class\n{\n", StringComparison.Ordinal) + "\n}\n";

    [Fact]
    public void ShellOfATaskWithAnErrorMatchesSnapshot()
    {
        Assert.NotEqual(TaskSources.FashionSimClr, FashionSimClrWithAnError);
        var run = GeneratorHarness.Generate(FashionSimClrWithAnError);
        Assert.Empty(run.CompilationProblems);
        Snapshot.Match(nameof(ShellOfATaskWithAnErrorMatchesSnapshot), run.Files);
    }

    [Fact]
    public void ShellOfATaskInAGenericClassMatchesSnapshot()
    {
        var run = GeneratorHarness.Generate(ByolInAGenericClass);
        Assert.Empty(run.CompilationProblems);
        Snapshot.Match(nameof(ShellOfATaskInAGenericClassMatchesSnapshot), run.Files);
    }

    [Fact]
    public void GenericTaskClassGetsAShellThatRepeatsItsTypeParameters()
    {
        string generic = TaskSources.FashionSimClr.Replace("public partial class FashionSimClr", "public partial class FashionSimClr<TItem, TOther> where TItem : struct", StringComparison.Ordinal);
        Assert.NotEqual(TaskSources.FashionSimClr, generic);

        var run = GeneratorHarness.Generate(generic);

        Assert.Empty(run.CompilationProblems);
        var (hint, text) = Assert.Single(run.Files);
        Assert.Equal("Samples.FashionSimClr`2.SslDsl.g.cs", hint);
        Assert.Contains("partial class FashionSimClr<TItem, TOther>\n", text, StringComparison.Ordinal);
        Assert.Contains("SSL031: Task class 'FashionSimClr<TItem, TOther>' declares the type parameters <TItem, TOther>, but a task cannot be generic", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMemberOfTheShellThrowsTheErrors()
    {
        var run = GeneratorHarness.Generate(FashionSimClrWithAnError);
        var task = GeneratorHarness.Load(run.Output).GetType("Samples.FashionSimClr", throwOnError: true)!;
        var options = new TrainingOptions { Device = torch.CPU, ShowProgress = false };

        var calls = new (string What, Action Call)[]
        {
            ("Describe()", () => task.GetMethod("Describe")!.Invoke(null, null)),
            ("TaskName", () => task.GetProperty("TaskName")!.GetValue(null)),
            ("DeclaredTraining", () => task.GetProperty("DeclaredTraining")!.GetValue(null)),
            ("new Model()", () => Activator.CreateInstance(task.GetNestedType("Model")!)),
            ("new Trainer(options)", () => Activator.CreateInstance(task.GetNestedType("Trainer")!, options)),
            ("Pipeline.Create", () => task.GetNestedType("Pipeline")!.GetMethod("Create")!.Invoke(null, new object[] { torch.CPU, 1L })),
            ("new FineTuner(encoder)", () => Activator.CreateInstance(task.GetNestedType("FineTuner")!, torch.nn.Identity(), null, null)),
        };
        foreach (var (what, call) in calls)
        {
            var thrown = Assert.IsType<InvalidOperationException>(Assert.Throws<TargetInvocationException>(call).InnerException);
            Assert.StartsWith("Task 'fashion-simclr' (Samples.FashionSimClr) was not generated because its declaration has errors; fix them and rebuild.\nSSL007: HorizontalFlip.P is 1.2, but", thrown.Message, StringComparison.Ordinal);
        }

        // Objects whose constructor threw are finalized like any other; the process must survive it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
