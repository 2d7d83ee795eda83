using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using SslDsl;

namespace SslDsl.Bench.Tabular;

/// <summary>
/// scikit-learn's optical digits (1,797 rows of 8x8 grey levels 0-16 as 64 columns, 10 classes), from the
/// <c>digits.csv.gz</c> that <c>scripts/fetch-data.sh</c> unpacks: no header, 64 values and the label per line.
/// </summary>
internal static class DigitsTable
{
    public const int Features = 64;

    /// <summary>The table, standardized (<see cref="TabularData.Split"/> refits the statistics on the training rows).</summary>
    /// <exception cref="FileNotFoundException">The file is missing (the message names scripts/fetch-data.sh).</exception>
    /// <exception cref="DatasetFormatException">A line does not hold 64 values and a label in 0-9.</exception>
    public static TabularData Load(string? dataDirectory)
    {
        string path = DataDirectory.FindFile(dataDirectory, "scikit-learn's digits.csv.gz", Path.Combine(SklearnDatasets.RelativeFolder, "digits.csv.gz"), "digits.csv.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var values = new float[lines.Length * Features];
        var labels = new long[lines.Length];
        for (int r = 0; r < lines.Length; r++)
        {
            var fields = lines[r].Split(',');
            if (fields.Length != Features + 1)
            {
                throw new DatasetFormatException(path, $"line {r + 1}: {fields.Length} fields; expected {Features} pixel values and a label.");
            }

            for (int c = 0; c < Features; c++)
            {
                values[(r * Features) + c] = float.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out float v)
                    ? v
                    : throw new DatasetFormatException(path, $"line {r + 1}, column {c}: '{fields[c]}' is not a number.");
            }

            labels[r] = long.TryParse(fields[Features], NumberStyles.Integer, CultureInfo.InvariantCulture, out long label) && label is >= 0 and <= 9
                ? label
                : throw new DatasetFormatException(path, $"line {r + 1}: label '{fields[Features]}' is not a digit 0-9.");
        }

        var names = Enumerable.Range(0, Features).Select(i => $"pixel{i / 8}x{i % 8}").ToArray();
        var classes = Enumerable.Range(0, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var table = new TabularTable(values, lines.Length, Features, labels, names, classes, path);
        return new TabularData(table, TabularScaler.Fit(table), "digits");
    }
}
