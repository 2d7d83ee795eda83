using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Writes embeddings for TensorBoard's embedding projector, in the layout PyTorch's
/// <c>SummaryWriter.add_embedding</c> uses: <c>RUN/embeddings/tensors.tsv</c> (one row per sample,
/// tab-separated), <c>RUN/embeddings/metadata.tsv</c> (one label per line) and
/// <c>RUN/projector_config.pbtxt</c> naming them. TorchSharp's SummaryWriter has no <c>add_embedding</c>.
/// </summary>
public static class EmbeddingProjector
{
    /// <summary>The projector's configuration file in a run folder.</summary>
    public const string ConfigFile = "projector_config.pbtxt";

    /// <summary>The sub-folder of the run folder holding the tensor and metadata files.</summary>
    public const string Folder = "embeddings";

    /// <summary>The embeddings file.</summary>
    public const string TensorsFile = "tensors.tsv";

    /// <summary>The labels file.</summary>
    public const string MetadataFile = "metadata.tsv";

    /// <summary>Writes <paramref name="embeddings"/> [N, D] (and <paramref name="labels"/> [N], named by <paramref name="classNames"/> when given) to <paramref name="runDirectory"/>.</summary>
    /// <exception cref="ArgumentException">The embeddings are not [N, D] with N &gt;= 1, or the labels are not [N].</exception>
    public static void Write(string runDirectory, string name, Tensor embeddings, Tensor? labels = null, IReadOnlyList<string>? classNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.dim() != 2 || embeddings.shape[0] < 1)
        {
            throw new ArgumentException($"The projector needs embeddings [N, D] with N >= 1; got [{string.Join(",", embeddings.shape)}].", nameof(embeddings));
        }

        if (labels is not null && (labels.dim() != 1 || labels.shape[0] != embeddings.shape[0]))
        {
            throw new ArgumentException($"The projector needs one label per embedding; got labels [{string.Join(",", labels.shape)}] for {embeddings.shape[0]} embeddings.", nameof(labels));
        }

        string folder = Path.Combine(runDirectory, Folder);
        using var values = embeddings.detach().to_type(ScalarType.Float32).cpu().contiguous();
        int n = (int)values.shape[0];
        int d = (int)values.shape[1];
        var data = values.data<float>().ToArray();
        WriteText(Path.Combine(folder, TensorsFile), w =>
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    w.Write(j == 0 ? "" : "\t");
                    w.Write(data[i * d + j].ToString("R", CultureInfo.InvariantCulture));
                }

                w.Write('\n');
            }
        });

        string metadata = "";
        if (labels is not null)
        {
            using var cpuLabels = labels.to_type(ScalarType.Int64).cpu();
            var ids = cpuLabels.data<long>().ToArray();
            WriteText(Path.Combine(folder, MetadataFile), w =>
            {
                foreach (long id in ids)
                {
                    w.Write(classNames is not null && id >= 0 && id < classNames.Count ? Clean(classNames[(int)id]) : id.ToString(CultureInfo.InvariantCulture));
                    w.Write('\n');
                }
            });
            metadata = $"  metadata_path: \"{Folder}/{MetadataFile}\"\n";
        }
        else
        {
            File.Delete(Path.Combine(folder, MetadataFile));
        }

        WriteText(Path.Combine(runDirectory, ConfigFile), w => w.Write(
            "embeddings {\n" +
            $"  tensor_name: \"{Quote(name)}\"\n" +
            $"  tensor_path: \"{Folder}/{TensorsFile}\"\n" +
            metadata +
            "}\n"));
    }

    private static void WriteText(string path, Action<StreamWriter> write) =>
        AtomicFile.Write(path, stream =>
        {
            using var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            write(w);
        });

    private static string Clean(string label) => label.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
