using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>
/// The small classic tables that scikit-learn ships (Debian package <c>python3-sklearn</c>, unpacked by
/// <c>scripts/fetch-data.sh</c>; no Python needed). Their CSV files start with a line holding
/// <c>n_samples,n_features,class names...</c> (not column names), then one row per sample: the features and an
/// integer class label last.
/// </summary>
public static class SklearnDatasets
{
    /// <summary>Where the files lie inside the data folder.</summary>
    public const string RelativeFolder = "sklearn/datasets/data";

    private static readonly string[] BreastCancerBase =
    {
        "radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave points", "symmetry", "fractal dimension",
    };

    /// <summary>The 30 feature names of the Wisconsin breast cancer data.</summary>
    public static readonly IReadOnlyList<string> BreastCancerFeatures =
        BreastCancerBase.Select(b => "mean " + b)
            .Concat(BreastCancerBase.Select(b => b + " error"))
            .Concat(BreastCancerBase.Select(b => "worst " + b))
            .ToArray();

    /// <summary>The 13 feature names of the UCI wine data.</summary>
    public static readonly IReadOnlyList<string> WineFeatures = new[]
    {
        "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
        "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline",
    };

    /// <summary>The 4 feature names of Fisher's iris data.</summary>
    public static readonly IReadOnlyList<string> IrisFeatures = new[]
    {
        "sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)",
    };

    /// <summary>Wisconsin diagnostic breast cancer: 569 rows, 30 features, classes malignant (0) / benign (1).</summary>
    /// <param name="dataDirectory">The data folder (or the folder holding the CSV); null for $SSLDSL_DATA or ./.data.</param>
    /// <param name="standardize">Standardize the features (refit on the training rows by <see cref="TabularData.Split"/>).</param>
    /// <exception cref="FileNotFoundException">The file is missing; the message says to run scripts/fetch-data.sh.</exception>
    /// <exception cref="DatasetFormatException">The file does not hold what its first line promises.</exception>
    public static TabularData BreastCancer(string? dataDirectory = null, bool standardize = true) =>
        Load(dataDirectory, "breast_cancer.csv", BreastCancerFeatures, standardize);

    /// <summary>UCI wine recognition: 178 rows, 13 features, 3 classes.</summary>
    /// <inheritdoc cref="BreastCancer"/>
    public static TabularData Wine(string? dataDirectory = null, bool standardize = true) =>
        Load(dataDirectory, "wine_data.csv", WineFeatures, standardize);

    /// <summary>Fisher's iris: 150 rows, 4 features, classes setosa / versicolor / virginica.</summary>
    /// <inheritdoc cref="BreastCancer"/>
    public static TabularData Iris(string? dataDirectory = null, bool standardize = true) =>
        Load(dataDirectory, "iris.csv", IrisFeatures, standardize);

    /// <summary>
    /// Reads a file in scikit-learn's format: a first line <c>n_samples,n_features,class names...</c>, then
    /// n_samples rows of n_features numbers and an integer label in [0, number of classes).
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="featureNames">Names of the features, or null for column0, column1, ...</param>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="DatasetFormatException">The first line is malformed, a row has the wrong width or a bad value, or the row count differs from n_samples.</exception>
    public static TabularTable Read(string path, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var lines = TextFileLines.Read(path, "scikit-learn CSV", DataDirectory.FetchHint)
            .Where(l => l.Text.Trim().Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            throw new DatasetFormatException(path, "the file is empty; expected a first line 'n_samples,n_features,class names...' and the rows.");
        }

        var head = CsvFields.Split(lines[0].Text, ',', path, lines[0].Number);
        if (head.Length < 2
            || !int.TryParse(head[0], out int samples) || samples <= 0
            || !int.TryParse(head[1], out int features) || features <= 0)
        {
            throw new DatasetFormatException(path,
                $"line {lines[0].Number}: '{CsvFields.Shorten(lines[0].Text)}' is not a scikit-learn header; expected 'n_samples,n_features,class names...' with two positive integers first.");
        }

        var classNames = head.Skip(2).ToArray();
        if (featureNames is not null && featureNames.Count != features)
        {
            throw new DatasetFormatException(path, $"line {lines[0].Number}: n_features is {features}; this data set has {featureNames.Count} features.");
        }

        int rows = lines.Count - 1;
        if (rows != samples)
        {
            throw new DatasetFormatException(path,
                $"line {lines[0].Number} promises {samples} rows but the file holds {rows}" + (rows < samples ? " (truncated). Run scripts/fetch-data.sh again to restore it." : "."));
        }

        var names = featureNames?.ToArray() ?? Enumerable.Range(0, features).Select(c => $"column{c}").ToArray();
        var values = new float[(long)samples * features];
        var labels = new long[samples];
        for (int r = 0; r < samples; r++)
        {
            var (number, text) = lines[r + 1];
            var fields = CsvFields.Split(text, ',', path, number);
            if (fields.Length != features + 1)
            {
                throw new DatasetFormatException(path, $"line {number}: {fields.Length} fields; expected {features} features and a label ({features + 1} fields) as line {lines[0].Number} says.");
            }

            for (int c = 0; c < features; c++)
            {
                values[((long)r * features) + c] = CsvFields.Parse(fields[c], path, number, $"{c} ('{names[c]}')");
            }

            int label = CsvFields.ParseInt(fields[features], path, number, $"{features} (label)");
            if (label < 0 || (classNames.Length > 0 && label >= classNames.Length))
            {
                throw new DatasetFormatException(path, $"line {number}: label {label} is outside [0, {classNames.Length}) (classes {string.Join(", ", classNames)}).");
            }

            labels[r] = label;
        }

        return new TabularTable(values, samples, features, labels, names, classNames.Length > 0 ? classNames : null, path);
    }

    private static TabularData Load(string? dataDirectory, string file, IReadOnlyList<string> featureNames, bool standardize)
    {
        string path = DataDirectory.FindFile(dataDirectory, $"scikit-learn's {file}", Path.Combine(RelativeFolder, file), file);
        var table = Read(path, featureNames);
        return new TabularData(table, standardize ? TabularScaler.Fit(table) : null, Path.GetFileNameWithoutExtension(file));
    }
}
