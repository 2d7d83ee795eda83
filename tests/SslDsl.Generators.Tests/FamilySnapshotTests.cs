using System.IO;
using System.Linq;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>
/// The generated source of one declaration per objective family and combination (<see cref="FamilySources"/>)
/// compiles without warnings and matches its snapshot in Snapshots/Families/{Case}.
/// </summary>
public class FamilySnapshotTests
{
    [Theory]
    [MemberData(nameof(FamilySources.Names), MemberType = typeof(FamilySources))]
    public void FamilyMatchesSnapshot(string name)
    {
        var run = GeneratorHarness.Generate(FamilySources.All[name]);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(new[] { $"Snapshots.{name}.SslDsl.g.cs" }, run.Files.Keys);
        Snapshot.Match(Path.Combine("Families", name), run.Files);
    }

    [Fact]
    public void MultiTaskMatchesSnapshot()
    {
        var run = GeneratorHarness.Generate(FamilySources.MultiTask);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(4, run.Files.Count);

        // The members have their own snapshots; this one holds the multi-task class.
        var joint = run.Files.Where(f => f.Key == "Snapshots.Joint.SslDsl.g.cs").ToDictionary(f => f.Key, f => f.Value);
        Assert.Single(joint);
        Snapshot.Match(Path.Combine("Families", "MultiTask"), joint);
    }
}
