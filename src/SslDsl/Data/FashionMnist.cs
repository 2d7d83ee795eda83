using System;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Which half of Fashion-MNIST to load.</summary>
public enum FashionMnistSplit
{
    /// <summary>The 60,000 training images.</summary>
    Train,
    /// <summary>The 10,000 test images.</summary>
    Test,
}

/// <summary>
/// Fashion-MNIST (Zalando; 28x28 grayscale, 10 classes) from its IDX files, by default in
/// <see cref="DefaultDirectory"/> where Debian's <c>dataset-fashion-mnist</c> package puts them.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's dataset-fashion-mnist package installs the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The environment variable that overrides <see cref="DefaultDirectory"/>.</summary>
    public const string DirectoryVariable = "SSLDSL_FASHION_MNIST";

    /// <summary>The class names, by label.</summary>
    public static readonly string[] ClassNames =
    {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    };

    /// <summary>The folder used when none is given: $SSLDSL_FASHION_MNIST, else <see cref="DefaultDirectory"/>.</summary>
    public static string ResolveDirectory(string? directory = null) =>
        directory ?? Environment.GetEnvironmentVariable(DirectoryVariable) ?? DefaultDirectory;

    /// <summary>
    /// Loads one split as images float [N,1,28,28] in [0,1] and labels long [N].
    /// </summary>
    /// <param name="split">Train or test.</param>
    /// <param name="directory">Folder holding the IDX files (gzip or plain); null for the default.</param>
    /// <param name="limit">Keep only the first <paramref name="limit"/> samples (quick runs); null for all.</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message says how to install the dataset.</exception>
    /// <exception cref="DatasetFormatException">A file is corrupt, truncated or inconsistent with its partner, or the folder is a file.</exception>
    public static Dataset<ImageBatch> Load(FashionMnistSplit split, string? directory = null, int? limit = null)
    {
        string dir = ResolveDirectory(directory);
        DataPaths.NotAFile(dir, "the folder that holds the Fashion-MNIST IDX files");
        string prefix = split == FashionMnistSplit.Train ? "train" : "t10k";
        string imagesPath = Find(dir, $"{prefix}-images-idx3-ubyte");
        string labelsPath = Find(dir, $"{prefix}-labels-idx1-ubyte");

        var images = IdxReader.Read(imagesPath, expectedRank: 3);
        var labels = IdxReader.Read(labelsPath, expectedRank: 1);
        if (images.Dimensions[1] != 28 || images.Dimensions[2] != 28)
        {
            throw new DatasetFormatException(imagesPath, $"images are {images.Dimensions[1]}x{images.Dimensions[2]}; Fashion-MNIST images are 28x28.");
        }

        if (labels.Dimensions[0] != images.Dimensions[0])
        {
            throw new DatasetFormatException(labelsPath, $"{labels.Dimensions[0]} labels for {images.Dimensions[0]} images in {imagesPath}.");
        }

        foreach (var label in labels.Data)
        {
            if (label > 9)
            {
                throw new DatasetFormatException(labelsPath, $"label {label} is outside 0..9.");
            }
        }

        int n = images.Dimensions[0];
        if (limit is int l)
        {
            if (l <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), l, "The sample limit must be > 0.");
            }

            n = Math.Min(n, l);
        }

        var imageTensor = torch.tensor(images.Data.AsSpan(0, n * 28 * 28).ToArray(), new long[] { n, 1, 28, 28 }, ScalarType.Byte);
        var floatImages = imageTensor.to_type(ScalarType.Float32).div_(255f);
        imageTensor.Dispose();
        var labelTensor = torch.tensor(labels.Data.AsSpan(0, n).ToArray(), new long[] { n }, ScalarType.Byte);
        var longLabels = labelTensor.to_type(ScalarType.Int64);
        labelTensor.Dispose();
        return new Dataset<ImageBatch>(new[] { floatImages }, longLabels, $"fashion-mnist-{prefix}");
    }

    private static string Find(string dir, string stem)
    {
        foreach (var candidate in new[] { stem + ".gz", stem, stem.Replace("-idx", ".idx") + ".gz", stem.Replace("-idx", ".idx") })
        {
            string path = Path.Combine(dir, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(
            $"Fashion-MNIST file '{stem}.gz' was not found in '{dir}'. Install the dataset with " +
            "'sudo apt-get install -y dataset-fashion-mnist' (Debian/Ubuntu), or point to a folder holding the IDX files " +
            $"with the directory argument or the {DirectoryVariable} environment variable.",
            Path.Combine(dir, stem + ".gz"));
    }
}
