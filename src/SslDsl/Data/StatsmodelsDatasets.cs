using System.IO;

namespace SslDsl;

/// <summary>
/// Real time series from the data sets that statsmodels ships (Debian package <c>python3-statsmodels</c>,
/// unpacked by <c>scripts/fetch-data.sh</c>; no Python needed).
/// </summary>
public static class StatsmodelsDatasets
{
    /// <summary>Where the data sets lie inside the data folder.</summary>
    public const string RelativeFolder = "statsmodels/datasets";

    /// <summary>
    /// Mauna Loa weekly atmospheric CO2 (ppmv), 1958-03-29 to 2001-12-29: 2,284 weeks, of which 59 have no
    /// measurement and are filled by linear interpolation. The default series of the time-series samples.
    /// </summary>
    /// <param name="dataDirectory">The data folder (or statsmodels' datasets folder); null for $SSLDSL_DATA or ./.data.</param>
    /// <exception cref="FileNotFoundException">The file is missing; the message says to run scripts/fetch-data.sh.</exception>
    /// <exception cref="DatasetFormatException">The file is malformed (the message names the line).</exception>
    public static float[] Co2(string? dataDirectory = null) =>
        SeriesCsv.LoadColumn(Find(dataDirectory, "co2", "co2.csv"), "co2", interpolateMissing: true);

    /// <summary>Yearly sunspot activity (Wolf numbers), 1700 to 2008: 309 values.</summary>
    /// <inheritdoc cref="Co2"/>
    public static float[] Sunspots(string? dataDirectory = null) =>
        SeriesCsv.LoadColumn(Find(dataDirectory, "sunspots", "sunspots.csv"), "SUNACTIVITY", interpolateMissing: false);

    /// <summary>Yearly volume of the Nile at Aswan (10^8 m^3), 1871 to 1970: 100 values.</summary>
    /// <inheritdoc cref="Co2"/>
    public static float[] Nile(string? dataDirectory = null) =>
        SeriesCsv.LoadColumn(Find(dataDirectory, "nile", "nile.csv"), "volume", interpolateMissing: false);

    private static string Find(string? dataDirectory, string dataset, string file) =>
        DataDirectory.FindFile(dataDirectory, $"statsmodels' {dataset} data", Path.Combine(RelativeFolder, dataset, file), Path.Combine(dataset, file));
}
