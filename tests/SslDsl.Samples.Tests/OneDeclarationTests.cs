using System;
using System.IO;
using System.Linq;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>
/// The README's snippet is the main job's declaration (samples/FashionMnist.SimClr/FashionSimClr.cs), and the
/// benchmarks compile that same file, so the numbers in docs/ and the code a reader copies never drift apart.
/// </summary>
public class OneDeclarationTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SslDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with SslDsl.sln) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The lines from [PretextTask("fashion-simclr")] to the class's closing brace, trimmed.</summary>
    private static string[] Declaration(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        int start = Array.FindIndex(lines, l => l.StartsWith("[PretextTask(\"fashion-simclr\")]", StringComparison.Ordinal));
        Assert.True(start >= 0, "no [PretextTask(\"fashion-simclr\")] declaration found");
        int end = Array.FindIndex(lines, start, l => l == "}");
        Assert.True(end > start, "the declaration's class has no closing brace at the start of a line");
        return lines[start..(end + 1)];
    }

    [Fact]
    public void TheReadmeSnippetIsTheMainJobsDeclaration()
    {
        string root = RepositoryRoot();
        var sample = Declaration(File.ReadAllText(Path.Combine(root, "samples", "FashionMnist.SimClr", "FashionSimClr.cs")));
        var readme = Declaration(File.ReadAllText(Path.Combine(root, "README.md")));
        Assert.Equal(sample, readme);
    }

    [Fact]
    public void EveryBenchmarkThatUsesTheMainJobCompilesItsDeclarationFile()
    {
        string root = RepositoryRoot();
        Assert.False(File.Exists(Path.Combine(root, "bench", "Shared", "FashionSimClr.cs")), "a second copy of the declaration is back in bench/Shared");
        foreach (string project in new[] { "SslDsl.Bench.Micro", "SslDsl.Bench.LabelEfficiency", "SslDsl.Bench.Memory", "SslDsl.Bench.Methods" })
        {
            string csproj = File.ReadAllText(Path.Combine(root, "bench", project, project + ".csproj"));
            Assert.Contains("../../samples/FashionMnist.SimClr/FashionSimClr.cs", csproj);
        }
    }
}
