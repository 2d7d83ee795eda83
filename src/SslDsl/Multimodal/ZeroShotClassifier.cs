using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// CLIP's zero-shot classifier: each class is the mean of its prompts' normalized text embeddings (one prompt per
/// template, "a photo of a {name}"), normalized again; an image belongs to the class whose embedding is most
/// cosine-similar to its own. No labelled image is used.
/// </summary>
public sealed class ZeroShotClassifier : IDisposable
{
    private readonly Tensor _classEmbeddings;

    private ZeroShotClassifier(Tensor classEmbeddings, IReadOnlyList<string> classNames)
    {
        _classEmbeddings = classEmbeddings;
        ClassNames = classNames;
    }

    /// <summary>The class names, in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The class embeddings, [K, D], unit rows.</summary>
    public Tensor ClassEmbeddings => _classEmbeddings;

    /// <summary>Builds the classifier from the prompts of every class.</summary>
    /// <param name="classNames">The class names, in label order (at least 2).</param>
    /// <param name="templates">The prompt templates, each with a <c>{name}</c> slot (at least 1).</param>
    /// <param name="embedTexts">Embeds prompts into the shared space: [P, D] for P prompts.</param>
    /// <exception cref="ArgumentException">Fewer than 2 classes, no template, a template without a slot, or embeddings that are not [P, D].</exception>
    public static ZeroShotClassifier FromPrompts(IReadOnlyList<string> classNames, IReadOnlyList<string> templates, Func<IReadOnlyList<string>, Tensor> embedTexts)
    {
        const string op = nameof(ZeroShotClassifier);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(embedTexts);
        if (classNames.Count < 2 || templates.Count < 1)
        {
            throw new ArgumentException($"{op}: needs at least 2 class names and 1 template, but it has {classNames.Count} and {templates.Count}.", nameof(classNames));
        }

        var prompts = PromptTemplates.Prompts(classNames, templates);
        using var scope = torch.NewDisposeScope();
        using var guard = torch.no_grad();
        var embeddings = embedTexts(prompts);
        Guard.FloatRank(op, embeddings, 2, "[P, D]");
        if (embeddings.shape[0] != prompts.Count)
        {
            throw new ArgumentException($"{op}: the text embedder returned {embeddings.shape[0]} rows for {prompts.Count} prompts.", nameof(embedTexts));
        }

        var perClass = nn.functional.normalize(embeddings, dim: 1).reshape(classNames.Count, templates.Count, -1).mean(new long[] { 1 });
        var classes = nn.functional.normalize(perClass, dim: 1).detach().MoveToOuterDisposeScope();
        return new ZeroShotClassifier(classes, classNames);
    }

    /// <summary>Cosine similarities of each image embedding to each class, [B, K].</summary>
    /// <param name="imageEmbeddings">[B, D], in the shared space.</param>
    public Tensor Scores(Tensor imageEmbeddings)
    {
        Guard.LastDimension(nameof(ZeroShotClassifier), imageEmbeddings, 2, _classEmbeddings.shape[1], "[B, D]");
        using var scope = torch.NewDisposeScope();
        var images = nn.functional.normalize(imageEmbeddings.to(_classEmbeddings.dtype).to(_classEmbeddings.device), dim: 1);
        return images.matmul(_classEmbeddings.t()).MoveToOuterDisposeScope();
    }

    /// <summary>The most similar class of each image embedding, long [B].</summary>
    /// <param name="imageEmbeddings">[B, D], in the shared space.</param>
    public Tensor Predict(Tensor imageEmbeddings)
    {
        using var scores = Scores(imageEmbeddings);
        return scores.argmax(1);
    }

    /// <summary>Releases the class embeddings.</summary>
    public void Dispose() => _classEmbeddings.Dispose();
}
