using System.IO;
using ScottPlot;

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
        plot.Font.Set(Fonts.Sans);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Renders <paramref name="plot"/> to <paramref name="path"/> as PNG.</summary>
    public static void Save(Plot plot, string path, int width = Width, int height = Height)
    {
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(png, 0, png.Length));
    }

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
