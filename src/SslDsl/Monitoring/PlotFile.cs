using System;
using System.IO;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace SslDsl;

/// <summary>Saves ScottPlot figures as PNG files (atomic, headless: SkiaSharp renders without a display).</summary>
internal static class PlotFile
{
    /// <summary>Default figure size in pixels.</summary>
    public const int Width = 800;

    /// <summary>Default figure height in pixels.</summary>
    public const int Height = 500;

    /// <summary>A new plot with the house style.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (SansFont.Value is { } font)
        {
            plot.Font.Set(font);
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Shows whole numbers only on the horizontal axis (epochs).</summary>
    public static void IntegerX(Plot plot) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>Renders <paramref name="plot"/> to <paramref name="path"/> as PNG.</summary>
    public static void Save(Plot plot, string path, int width = Width, int height = Height)
    {
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(png, 0, png.Length));
    }

    // A sans-serif family that is installed (ScottPlot's default falls back to a serif one on Linux).
    private static readonly Lazy<string?> SansFont = new(() =>
    {
        try
        {
            var installed = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI" }.FirstOrDefault(installed.Contains);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException)
        {
            return null;
        }
    });

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static Color ColorOf(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    /// <summary>Creates the folder of <paramref name="path"/>.</summary>
    public static void EnsureFolder(string path)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }
    }
}
