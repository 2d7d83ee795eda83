using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SkiaSharp;
using TorchSharp;

namespace SslDsl;

/// <summary>
/// Writes image batches as PNG files that <see cref="ImageFolder"/> reads back exactly (values are rounded to
/// bytes: round(v * 255), clamped to [0, 255]): one sub-folder per class named by the zero-padded label and the
/// class name ("0-T-shirt_top"), so that the folders' ordinal order is the labels' order, or all files in one
/// folder. Files are named by their zero-padded index in the source, so a flat folder reads back in the same order.
/// </summary>
public static class ImageFolderExport
{
    /// <summary>
    /// Writes every sample of <paramref name="data"/> under <paramref name="root"/> (created when missing):
    /// <c>root/&lt;label&gt;-&lt;class&gt;/&lt;index&gt;.png</c> when <paramref name="byClass"/> (the data must be labelled), else <c>root/&lt;index&gt;.png</c>.
    /// Returns the number of files written.
    /// </summary>
    /// <param name="data">1- or 3-channel images with values in [0, 1].</param>
    /// <param name="root">The folder to write.</param>
    /// <param name="byClass">One sub-folder per class (a labelled folder) or one flat folder.</param>
    /// <param name="classNames">Names by label for the class folders; null names them by label only.</param>
    /// <param name="copies">Write each sample this many times under different indices (to build large test folders); 1 by default.</param>
    /// <exception cref="ArgumentException">The images are not 1- or 3-channel, or a labelled layout is asked of unlabelled data.</exception>
    public static long WritePng(IDataSource<ImageBatch> data, string root, bool byClass, IReadOnlyList<string>? classNames = null, int copies = 1)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (byClass && !data.IsLabelled)
        {
            throw new ArgumentException($"Data '{data.Name}' has no labels; write it with byClass: false.", nameof(byClass));
        }

        if (copies < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(copies), copies, "copies must be at least 1.");
        }

        Directory.CreateDirectory(root);
        long total = data.Count * copies;
        string indexFormat = "D" + Math.Max(5, total.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture);
        var folders = new Dictionary<long, string>();
        long index = 0;
        using var batches = data.Batches(new BatchRequest(256)).GetEnumerator();
        while (true)
        {
            using var scope = torch.NewDisposeScope();
            if (!batches.MoveNext())
            {
                break;
            }

            var batch = batches.Current;
            var images = batch.Images.mul(255f).round_().clamp_(0f, 255f).to_type(torch.ScalarType.Byte).contiguous();
            int channels = (int)images.shape[1], height = (int)images.shape[2], width = (int)images.shape[3];
            if (channels is not (1 or 3))
            {
                throw new ArgumentException($"Data '{data.Name}' has {channels}-channel images; PNG export writes 1 or 3 channels.", nameof(data));
            }

            var bytes = images.data<byte>().ToArray();
            var labels = batch.Labels?.to_type(torch.ScalarType.Int64).data<long>().ToArray();
            int size = channels * height * width;
            for (int i = 0; i < batch.Count; i++, index++)
            {
                string folder = root;
                if (byClass)
                {
                    long label = labels![i];
                    if (!folders.TryGetValue(label, out folder!))
                    {
                        folder = Path.Combine(root, ClassFolder(label, classNames));
                        Directory.CreateDirectory(folder);
                        folders[label] = folder;
                    }
                }

                var pixels = bytes.AsSpan(i * size, size);
                for (int copy = 0; copy < copies; copy++)
                {
                    long number = (copy * data.Count) + index;
                    Write(Path.Combine(folder, number.ToString(indexFormat, CultureInfo.InvariantCulture) + ".png"), pixels, channels, height, width);
                }
            }
        }

        return index * copies;
    }

    /// <summary>The folder name of class <paramref name="label"/>: the label (two digits at least) and its name with characters unfit for file names replaced by '_'.</summary>
    public static string ClassFolder(long label, IReadOnlyList<string>? classNames = null)
    {
        string number = label.ToString("D2", CultureInfo.InvariantCulture);
        if (classNames is null || label < 0 || label >= classNames.Count)
        {
            return number;
        }

        var invalid = Path.GetInvalidFileNameChars().Concat(new[] { '/', '\\', ':' }).ToHashSet();
        string name = new(classNames[(int)label].Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return $"{number}-{name}";
    }

    private static void Write(string path, ReadOnlySpan<byte> planar, int channels, int height, int width)
    {
        int plane = height * width;
        var info = channels == 1
            ? new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque)
            : new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var target = bitmap.GetPixelSpan();
        if (channels == 1)
        {
            for (int y = 0; y < height; y++)
            {
                planar.Slice(y * width, width).CopyTo(target.Slice(y * bitmap.RowBytes, width));
            }
        }
        else
        {
            for (int p = 0; p < plane; p++)
            {
                int y = p / width, x = p % width, at = (y * bitmap.RowBytes) + (4 * x);
                target[at] = planar[p];
                target[at + 1] = planar[plane + p];
                target[at + 2] = planar[(2 * plane) + p];
                target[at + 3] = 255;
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
