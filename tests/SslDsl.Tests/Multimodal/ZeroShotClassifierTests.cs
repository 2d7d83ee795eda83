using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SslDsl.Tests.Multimodal;

public class ZeroShotClassifierTests
{
    /// <summary>A fixture text embedder: counts of the letters 'c', 'd' and 'b' in each prompt (one row per prompt).</summary>
    private static Tensor LetterCounts(IReadOnlyList<string> prompts)
    {
        var rows = prompts.SelectMany(p => new float[] { p.Count(ch => ch == 'c'), p.Count(ch => ch == 'd'), p.Count(ch => ch == 'b') }).ToArray();
        return torch.tensor(rows, new long[] { prompts.Count, 3 });
    }

    [Fact]
    public void ClassEmbeddingIsTheNormalizedMeanOfTheNormalizedPrompts()
    {
        // "a cat" -> (1, 0, 0); "big cat" -> (1, 0, 1) / sqrt 2. Mean (1 + 1/sqrt2, 0, 1/sqrt2) / 2, then normalized.
        using var classifier = ZeroShotClassifier.FromPrompts(new[] { "cat", "dog" }, new[] { "a {name}", "big {name}" }, LetterCounts);
        double r = 1 / Math.Sqrt(2);
        double x = 1 + r, z = r, norm = Math.Sqrt((x * x) + (z * z));
        var cat = classifier.ClassEmbeddings[0].data<float>().ToArray();
        Assert.Equal(x / norm, cat[0], 5);
        Assert.Equal(0.0, cat[1], 5);
        Assert.Equal(z / norm, cat[2], 5);
    }

    [Fact]
    public void PredictsTheClassWhosePromptsPointTheImageWay()
    {
        using var classifier = ZeroShotClassifier.FromPrompts(new[] { "cat", "dog" }, new[] { PromptTemplates.Photo }, LetterCounts);
        // "a photo of a cat" -> (1, 0, 0); "a photo of a dog" -> (0, 1, 0).
        using var images = torch.tensor(new float[] { 0.9f, 0.1f, 0, 0.2f, 3f, 0, -1f, -2f, 0 }, new long[] { 3, 3 });
        var predicted = classifier.Predict(images).data<long>().ToArray();
        Assert.Equal(new long[] { 0, 1, 0 }, predicted);
        var scores = classifier.Scores(images).data<float>().ToArray();
        Assert.Equal(0.9 / Math.Sqrt(0.82), scores[0], 5);
    }

    [Fact]
    public void FillsTheNameSlotAndRejectsATemplateWithout()
    {
        Assert.Equal("a photo of a coat", PromptTemplates.Fill(PromptTemplates.Photo, "coat"));
        Assert.Throws<ArgumentException>(() => PromptTemplates.Fill("a photo", "coat"));
        Assert.Throws<ArgumentException>(() => ZeroShotClassifier.FromPrompts(new[] { "cat" }, new[] { "a {name}" }, LetterCounts));
    }
}
