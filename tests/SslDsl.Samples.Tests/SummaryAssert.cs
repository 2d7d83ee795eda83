using System.IO;
using System.Text.Json;
using Xunit;

namespace SslDsl.Samples.Tests;

/// <summary>Checks on what a sample writes to its output folder.</summary>
internal static class SummaryAssert
{
    /// <summary>summary.json and results.md exist; returns summary.json parsed.</summary>
    public static JsonElement Files(string output)
    {
        string summary = Path.Combine(output, "summary.json");
        Assert.True(File.Exists(summary), $"{summary} was not written");
        Assert.True(File.Exists(Path.Combine(output, "results.md")), "results.md was not written");
        return JsonDocument.Parse(File.ReadAllText(summary)).RootElement.Clone();
    }

    /// <summary>An accuracy: a fraction in [0, 1].</summary>
    public static void Accuracy(double value, string what) =>
        Assert.True(value >= 0 && value <= 1, $"{what} = {value}, expected a fraction in [0, 1]");

    /// <summary>A loss or error: finite and not negative.</summary>
    public static void FiniteNonNegative(double value, string what) =>
        Assert.True(double.IsFinite(value) && value >= 0, $"{what} = {value}, expected a finite value >= 0");
}
