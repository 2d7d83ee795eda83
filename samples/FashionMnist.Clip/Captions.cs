using System;
using System.Collections.Generic;
using System.Linq;
using SslDsl;
using static TorchSharp.torch;

namespace FashionClipSample;

/// <summary>
/// Captions for Fashion-MNIST images: a template with a <c>{name}</c> slot, filled with the image's class name. The
/// training templates describe the picture (its colour, size, quality, view); the held-out templates are never
/// seen in training and are the zero-shot prompts, so zero-shot accuracy measures transfer to new wordings.
/// </summary>
public static class Captions
{
    /// <summary>Caption length in byte tokens, with [CLS] and [SEP] (the longest caption or prompt is 42 bytes).</summary>
    public const int MaxLength = 48;

    /// <summary>The class names in captions, in label order (Fashion-MNIST's, lower case).</summary>
    public static IReadOnlyList<string> ClassNames { get; } = FashionMnist.ClassNames.Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>The templates captions are drawn from in training.</summary>
    public static IReadOnlyList<string> TrainingTemplates { get; } = new[]
    {
        "a photo of a {name}",
        "a grayscale photo of a {name}",
        "a small photo of the {name}",
        "a low resolution image of a {name}",
        "a {name}, seen from the front",
        "a centered picture of one {name}",
        "{name}",
        "an item of clothing: {name}",
    };

    /// <summary>The held-out templates: never captions, only zero-shot prompts.</summary>
    public static IReadOnlyList<string> HeldOutTemplates { get; } = new[]
    {
        "a black and white picture of a {name}",
        "this is a {name}",
        "a blurry photo of the {name}",
    };

    /// <summary>One caption per label, each from a training template drawn with <paramref name="seed"/>.</summary>
    public static string[] For(IReadOnlyList<long> labels, long seed)
    {
        var random = new Random(unchecked((int)seed));
        return labels.Select(l => PromptTemplates.Fill(TrainingTemplates[random.Next(TrainingTemplates.Count)], ClassNames[(int)l])).ToArray();
    }

    /// <summary>
    /// The image-caption pairs of <paramref name="images"/>: the images and their labels, and a caption per image tokenized
    /// byte by byte to <see cref="MaxLength"/> tokens.
    /// </summary>
    public static Dataset<PairedBatch<ImageBatch, TokenBatch>> Pairs(Dataset<ImageBatch> images, ByteLevelTokenizer tokenizer, long seed)
    {
        var labels = images.Labels ?? throw new ArgumentException("Captions are built from labels; the images have none.", nameof(images));
        var captions = tokenizer.Batch(For(labels.data<long>().ToArray(), seed), MaxLength);
        return new Dataset<PairedBatch<ImageBatch, TokenBatch>>(new[] { images.Tensors[0], captions.Ids, captions.AttentionMask }, labels, "fashion-mnist-captions");
    }
}
