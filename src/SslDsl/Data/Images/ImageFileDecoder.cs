using System;
using System.Buffers;
using System.IO;
using SkiaSharp;

namespace SslDsl;

/// <summary>
/// Decodes one image file with SkiaSharp into float [C,H,W] values in [0,1] (byte / 255) of the size and channels
/// of <see cref="ImageFolderOptions"/>: JPEGs that are much larger than needed are decoded at a reduced scale
/// (libjpeg-turbo's 1/8 steps, never below the size needed), the image is resized by the options'
/// <see cref="ImageResize"/> with bilinear filtering over mipmaps (antialiased when shrinking), and the colour
/// layout is checked or converted. The EXIF orientation of JPEGs is not applied (as torchvision's loader) and
/// no colour profile is applied.
/// </summary>
internal static class ImageFileDecoder
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>File buffers, reused: large photographs would otherwise each allocate on the large-object heap.</summary>
    private static readonly ArrayPool<byte> Buffers = ArrayPool<byte>.Create(1 << 28, 16);

    /// <summary>
    /// Decodes <paramref name="path"/> into <paramref name="target"/> (C*H*W floats). Returns null on success, or
    /// why the file cannot be decoded (unreadable, empty, not an image, truncated, corrupt): a bad file, which the
    /// caller's policy stops at or skips.
    /// </summary>
    /// <exception cref="DatasetFormatException">The image does not fit the options (channels, or size under <see cref="ImageResize.Exact"/>).</exception>
    public static string? Decode(string path, ImageFolderOptions options, Span<float> target)
    {
        byte[]? bytes = null;
        try
        {
            int length;
            try
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                length = checked((int)file.Length);
                bytes = Buffers.Rent(Math.Max(1, length));
                file.ReadExactly(bytes, 0, length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OverflowException)
            {
                return $"the file cannot be read ({e.Message})";
            }

            if (length == 0)
            {
                return "the file is empty (0 bytes)";
            }

            using var data = SKData.CreateCopy(bytes.AsSpan(0, length));
            using var codec = SKCodec.Create(data);
            return codec is null
                ? ImageFileKind.Describe(bytes.AsSpan(0, Math.Min(length, 64)))
                : Decode(path, options, target, codec);
        }
        finally
        {
            if (bytes is not null)
            {
                Buffers.Return(bytes);
            }
        }
    }

    /// <summary>Decodes through <paramref name="codec"/> into <paramref name="target"/>; see the overload.</summary>
    private static string? Decode(string path, ImageFolderOptions options, Span<float> target, SKCodec codec)
    {
        var info = codec.Info;
        bool grey = info.ColorType is SKColorType.Gray8 or SKColorType.Alpha8;
        CheckChannels(path, options, codec, grey);
        var (width, height) = DecodeSize(codec, options, path);
        var decodeInfo = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return result switch
            {
                SKCodecResult.IncompleteInput => "the data ends before the image does: the file is truncated (the decoder reported IncompleteInput)",
                SKCodecResult.ErrorInInput => "the image data is corrupt (the decoder reported ErrorInInput)",
                _ => $"the decoder reported {result}",
            };
        }

        using var pixmap = decoded.PeekPixels();
        if (width == options.Width && height == options.Height)
        {
            WriteFloats(pixmap, options.Channels, grey, target);
            return null;
        }

        using var resized = new SKBitmap(new SKImageInfo(options.Width, options.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var resizedPixmap = resized.PeekPixels();
        using var source = pixmap.ExtractSubset(CropRectangle(width, height, options));
        if (source is null || !source.ScalePixels(resizedPixmap, Sampling))
        {
            return $"SkiaSharp could not scale the decoded {width}x{height} image to {options.Width}x{options.Height}";
        }

        WriteFloats(resizedPixmap, options.Channels, grey, target);
        return null;
    }

    private static void CheckChannels(string path, ImageFolderOptions options, SKCodec codec, bool grey)
    {
        if (options.ConvertChannels || grey == (options.Channels == 1))
        {
            return;
        }

        string found = Found(codec, grey);
        string change = options.Channels == 3
            ? "Convert the files to RGB, declare [ImageInput(Channels = 1)] and open the folder with Channels = 1, or set ImageFolderOptions.ConvertChannels = true to replicate the grey values into R, G and B."
            : "Convert the files to grayscale, declare [ImageInput(Channels = 3)] and open the folder with Channels = 3, or set ImageFolderOptions.ConvertChannels = true to use their luminance (0.299 R + 0.587 G + 0.114 B).";
        throw new DatasetFormatException(path, $"{found}, but the folder is read as {options.Channels}-channel images ({options.Shape}). {change}");
    }

    /// <summary>"a grayscale PNG of 64x48 pixels (width x height)".</summary>
    private static string Found(SKCodec codec, bool grey)
    {
        string colour = grey ? "grayscale (1-channel)"
            : codec.Info.AlphaType == SKAlphaType.Opaque ? "colour (3-channel RGB)" : "colour with alpha (RGBA)";
        return $"a {colour} {codec.EncodedFormat.ToString().ToUpperInvariant()} of {codec.Info.Width}x{codec.Info.Height} pixels (width x height)";
    }

    /// <summary>
    /// The size to decode at: the file's own, or, for a JPEG much larger than needed, the smallest scale the
    /// decoder offers that still covers what the resize needs.
    /// </summary>
    private static (int Width, int Height) DecodeSize(SKCodec codec, ImageFolderOptions options, string path)
    {
        int w = codec.Info.Width, h = codec.Info.Height;
        if (w == options.Width && h == options.Height)
        {
            return (w, h);
        }

        if (options.Resize == ImageResize.Exact)
        {
            throw new DatasetFormatException(path,
                $"{Found(codec, codec.Info.ColorType is SKColorType.Gray8 or SKColorType.Alpha8)}, but the folder is read as {options.Width}x{options.Height} images with ImageResize.Exact. " +
                $"Resize the files, declare [ImageInput(Height = {h}, Width = {w})] and open the folder with that size, or set ImageFolderOptions.Resize to ImageResize.CoverCrop or ImageResize.Stretch.");
        }

        double scale = Math.Max(options.Width / (double)w, options.Height / (double)h);
        int neededWidth = options.Resize == ImageResize.Stretch ? options.Width : (int)Math.Ceiling(w * scale);
        int neededHeight = options.Resize == ImageResize.Stretch ? options.Height : (int)Math.Ceiling(h * scale);
        if (scale < 1)
        {
            var scaled = codec.GetScaledDimensions((float)scale);
            if (scaled.Width >= neededWidth && scaled.Height >= neededHeight && scaled.Width < w)
            {
                return (scaled.Width, scaled.Height);
            }
        }

        return (w, h);
    }

    /// <summary>The part of a <paramref name="width"/> x <paramref name="height"/> image that becomes the output: all of it, or its centre for <see cref="ImageResize.CoverCrop"/>.</summary>
    internal static SKRectI CropRectangle(int width, int height, ImageFolderOptions options)
    {
        if (options.Resize != ImageResize.CoverCrop)
        {
            return new SKRectI(0, 0, width, height);
        }

        double scale = Math.Max(options.Width / (double)width, options.Height / (double)height);
        int cropWidth = Math.Clamp((int)Math.Round(options.Width / scale), 1, width);
        int cropHeight = Math.Clamp((int)Math.Round(options.Height / scale), 1, height);
        int left = (int)Math.Round((width - cropWidth) / 2.0);
        int top = (int)Math.Round((height - cropHeight) / 2.0);
        return new SKRectI(left, top, left + cropWidth, top + cropHeight);
    }

    /// <summary>Writes the RGBA pixels as planar floats in [0,1]: R, G, B planes, or one grey plane (luminance for colour images).</summary>
    private static void WriteFloats(SKPixmap pixmap, int channels, bool grey, Span<float> target)
    {
        int width = pixmap.Width, height = pixmap.Height, plane = width * height;
        var pixels = pixmap.GetPixelSpan();
        int rowBytes = pixmap.RowBytes;
        for (int y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * rowBytes, width * 4);
            for (int x = 0; x < width; x++)
            {
                byte r = row[4 * x], g = row[(4 * x) + 1], b = row[(4 * x) + 2];
                int at = (y * width) + x;
                if (channels == 3)
                {
                    target[at] = r / 255f;
                    target[plane + at] = g / 255f;
                    target[(2 * plane) + at] = b / 255f;
                }
                else
                {
                    target[at] = grey ? r / 255f : ((0.299f * r) + (0.587f * g) + (0.114f * b)) / 255f;
                }
            }
        }
    }
}
