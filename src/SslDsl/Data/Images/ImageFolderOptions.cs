using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>
/// How an <see cref="ImageFolder"/> reads its files: the channels and size the task declares in
/// <c>[ImageInput]</c>, how other sizes and colour layouts are brought to them, what happens with files that
/// cannot be decoded, which extensions count as images, and the decoding threads.
/// </summary>
/// <param name="Channels">Channels of the batches (1 = grayscale, 3 = RGB): the task's <c>[ImageInput(Channels = ...)]</c>.</param>
/// <param name="Height">Height of the batches in pixels: the task's <c>[ImageInput(Height = ...)]</c>.</param>
/// <param name="Width">Width of the batches in pixels: the task's <c>[ImageInput(Width = ...)]</c>.</param>
public sealed record ImageFolderOptions(int Channels, int Height, int Width)
{
    /// <summary>The extensions read by default (any case): PNG, JPEG, BMP, GIF (first frame) and WebP.</summary>
    public static IReadOnlyList<string> DefaultExtensions { get; } = new[] { ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp" };

    /// <summary>How an image of another size is brought to Height x Width; <see cref="ImageResize.CoverCrop"/> by default.</summary>
    public ImageResize Resize { get; init; } = ImageResize.CoverCrop;

    /// <summary>
    /// Convert images whose colour layout differs from <see cref="Channels"/>: grey is replicated into R, G and B,
    /// colour becomes its luminance 0.299 R + 0.587 G + 0.114 B (ITU-R 601, as torchvision's Grayscale). Off by
    /// default: such an image stops the run with a message naming the file and what was found. An alpha channel is
    /// always dropped (the colours are composited over black).
    /// </summary>
    public bool ConvertChannels { get; init; }

    /// <summary>
    /// How many files that cannot be decoded (truncated, corrupt, not an image, unreadable) are skipped, each with
    /// a warning naming it, before the next one stops the run. 0 (the default): the first such file stops the run
    /// with its path and the decoder's reason. A skipped file is never replaced by a blank image: its batch is one
    /// sample shorter.
    /// </summary>
    public int MaxSkippedFiles { get; init; }

    /// <summary>The file extensions that count as images (with the dot, any case); <see cref="DefaultExtensions"/> by default.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = DefaultExtensions;

    /// <summary>The decoding threads and read-ahead.</summary>
    public DataLoaderOptions Loader { get; init; } = DataLoaderOptions.Default;

    /// <summary>Where warnings about skipped files go; null for standard error.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>
    /// Options with the channels and size <typeparamref name="TTask"/> declares in <c>[ImageInput]</c>, so that the
    /// folder's batches are what the task's encoder takes; other settings keep their defaults (change them with <c>with</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="TTask"/> declares no <c>[ImageInput]</c>.</exception>
    public static ImageFolderOptions ForTask<TTask>() =>
        DeclaredImageInput.On(typeof(TTask)) is { } input
            ? new(input.Channels, input.Height, input.Width)
            : throw new ArgumentException($"{typeof(TTask).Name} declares no [ImageInput]; ImageFolderOptions.ForTask<{typeof(TTask).Name}>() reads the channels and size from it. Pass the task class that reads images.", nameof(TTask));

    /// <summary>Checks the values; the message names the bad one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="ArgumentException">No extension is given.</exception>
    public void Validate()
    {
        if (Channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(Channels), Channels, "ImageFolderOptions: Channels must be 1 (grayscale) or 3 (RGB), as the task's [ImageInput(Channels = ...)].");
        }

        if (Height < 1 || Width < 1)
        {
            throw new ArgumentOutOfRangeException(Height < 1 ? nameof(Height) : nameof(Width), Height < 1 ? Height : Width, "ImageFolderOptions: Height and Width must be at least 1 pixel.");
        }

        if (!Enum.IsDefined(Resize))
        {
            throw new ArgumentOutOfRangeException(nameof(Resize), Resize, "ImageFolderOptions: Resize must be CoverCrop, Stretch or Exact.");
        }

        if (MaxSkippedFiles < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSkippedFiles), MaxSkippedFiles, "ImageFolderOptions: MaxSkippedFiles must be >= 0 (0 stops at the first bad file).");
        }

        if (Extensions is null || Extensions.Count == 0 || Extensions.Any(e => string.IsNullOrEmpty(e) || e[0] != '.'))
        {
            throw new ArgumentException("ImageFolderOptions: Extensions must list at least one extension, each starting with a dot (\".png\").", nameof(Extensions));
        }

        ArgumentNullException.ThrowIfNull(Loader);
        Loader.Validate();
    }

    /// <summary>The size as written in messages: "3x224x224 (channels x height x width)".</summary>
    internal string Shape => $"{Channels}x{Height}x{Width} (channels x height x width)";
}
