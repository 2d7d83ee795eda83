using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SslDsl;

namespace TextMlmSample;

/// <summary>
/// The fortunes of the sample: a labelled set (which of <see cref="ClassFiles"/> a fortune comes from), split into
/// train and test per class, and an unlabelled pretraining pool drawn from every fortune file minus the test fortunes.
/// </summary>
/// <param name="TrainTexts">Labelled training fortunes.</param>
/// <param name="TrainLabels">Their class (index into <see cref="ClassFiles"/>).</param>
/// <param name="TestTexts">Held-out fortunes.</param>
/// <param name="TestLabels">Their class.</param>
/// <param name="PretrainTexts">The unlabelled pretraining pool (no test fortune in it).</param>
public sealed record FortuneData(
    IReadOnlyList<string> TrainTexts, IReadOnlyList<long> TrainLabels,
    IReadOnlyList<string> TestTexts, IReadOnlyList<long> TestLabels,
    IReadOnlyList<string> PretrainTexts)
{
    /// <summary>The fortune files whose entries are the classes of the downstream task.</summary>
    public static readonly IReadOnlyList<string> ClassFiles = new[] { "computers", "people", "politics", "science", "songs-poems" };

    /// <summary>Fraction of each class file held out for testing.</summary>
    public const double TestFraction = 0.2;

    /// <summary>Loads and splits the fortunes in <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">The folder or a class file is missing (the message says how to install them).</exception>
    public static FortuneData Load(string directory, int poolLimit, int? perClassLimit, long seed)
    {
        var texts = new List<string>();
        var labels = new List<long>();
        for (int c = 0; c < ClassFiles.Count; c++)
        {
            string path = Path.Combine(directory, ClassFiles[c]);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The fortune file '{ClassFiles[c]}' was not found in {directory}. Install the fortunes with 'sudo apt-get install -y fortunes-min fortunes' or run scripts/fetch-data.sh.",
                    path);
            }

            var entries = TextCorpus.ReadFortuneFile(path);
            foreach (var entry in perClassLimit is int k ? entries.Take(k) : entries)
            {
                texts.Add(entry);
                labels.Add(c);
            }
        }

        var (trainIndices, testIndices) = DatasetSplits.SplitIndices(texts.Count, labels.ToArray(), TestFraction, seed);
        var testTexts = testIndices.Select(i => texts[(int)i]).ToArray();
        var held = new HashSet<string>(testTexts, StringComparer.Ordinal);

        // The pool: every fortune file (class files included), minus anything equal to a test fortune, shuffled by the seed.
        var rng = new Random(unchecked((int)seed));
        var pool = TextCorpus.LoadFortunes(directory).Where(t => !held.Contains(t)).Distinct(StringComparer.Ordinal).ToArray();
        rng.Shuffle(pool);
        return new FortuneData(
            trainIndices.Select(i => texts[(int)i]).ToArray(), trainIndices.Select(i => labels[(int)i]).ToArray(),
            testTexts, testIndices.Select(i => labels[(int)i]).ToArray(),
            pool.Take(poolLimit).ToArray());
    }
}
