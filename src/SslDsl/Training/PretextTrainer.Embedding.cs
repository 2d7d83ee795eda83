using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>Representations: embedding data with the encoder, and exporting the encoder alone.</summary>
public abstract partial class PretextTrainer<TBatch>
{
    /// <summary>Samples per forward pass of <see cref="Embed"/>.</summary>
    public const int EmbeddingBatchSize = 256;

    /// <summary>
    /// The encoder f(x) alone (without heads): by default the child module named <c>encoder</c> of
    /// <see cref="Network"/> (what generated models hold), else <see cref="Network"/> itself when its
    /// forward maps inputs to representations.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither exists; override this property.</exception>
    public virtual nn.Module<Tensor, Tensor> Encoder
    {
        get
        {
            foreach (var (name, module) in Network.named_children())
            {
                if (name == "encoder" && module is nn.Module<Tensor, Tensor> encoder)
                {
                    return encoder;
                }
            }

            return Network as nn.Module<Tensor, Tensor>
                ?? throw new InvalidOperationException(
                    $"Trainer of '{Settings.TaskName}': the network has no child module named 'encoder' and is not an nn.Module<Tensor, Tensor>; override Encoder.");
        }
    }

    /// <summary>
    /// The width of the encoder's representation, written in exported encoder files. By default
    /// the <c>EncoderOutputDim</c> constant of the generated task class that declares this trainer; -1 when unknown.
    /// </summary>
    public virtual int EncoderOutputDim =>
        GetType().DeclaringType?.GetField("EncoderOutputDim", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } constant &&
        constant.GetRawConstantValue() is int dim ? dim : -1;

    /// <summary>
    /// The encoder's input for a batch (on <see cref="Device"/>) when embedding: the deterministic
    /// part of the pipeline only, no random augmentation. Generated trainers apply the task's
    /// preparation (normalization); the default passes <see cref="IBatch.Inputs"/>.
    /// </summary>
    protected virtual Tensor PrepareForEmbedding(TBatch batch) => batch.Inputs;

    /// <summary>
    /// Turns the encoder's output into one vector per sample: by default flattens [B, ...] to
    /// [B, F]; text tasks, whose encoders return token states [B, L, D], pool them.
    /// </summary>
    protected virtual Tensor Pool(Tensor encoderOutput, TBatch batch) => encoderOutput.flatten(1);

    /// <summary>
    /// The representations [N, D] (float, on the CPU) of <paramref name="data"/>'s samples, in order
    /// (only the first <paramref name="limit"/> when given): inputs prepared by
    /// <see cref="PrepareForEmbedding"/>, the <see cref="Encoder"/> in eval mode, no gradients,
    /// pooled by <see cref="Pool"/>. The network's training mode is restored afterwards and no
    /// random generator is used, so embedding never changes the course of training.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    public Tensor Embed(IDataSource<TBatch> data, int? limit = null)
    {
        var embeddings = EmbedLabelled(data, limit);
        embeddings.Labels?.Dispose();
        return embeddings.Features;
    }

    /// <summary>
    /// <see cref="Embed"/> with the labels of the same samples (null when <paramref name="data"/> has none),
    /// read from the same batches.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    public Embeddings EmbedLabelled(IDataSource<TBatch> data, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (limit is int l && l <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), l, "The number of samples to embed must be at least 1 (or null for all).");
        }

        long count = Math.Min(data.Count, limit ?? long.MaxValue);
        var encoder = Encoder;
        using var convolutionCheck = ConvolutionGuard.Watch(encoder, Device, ConvolutionGuard.Resolve(Options.Convolutions), Options.Log);
        bool networkTraining = Network.training;
        bool encoderTraining = encoder.training;
        Network.eval();
        encoder.eval();
        var parts = new List<Tensor>();
        var labels = new List<Tensor>();
        try
        {
            using var noGrad = torch.no_grad();
            using var batches = data.Batches(new BatchRequest(EmbeddingBatchSize)).GetEnumerator();
            long done = 0;
            while (done < count)
            {
                using var scope = torch.NewDisposeScope();
                if (!batches.MoveNext())
                {
                    break;
                }

                var batch = batches.Current;
                if (batch.Count == 0)
                {
                    continue;
                }

                long take = Math.Min(batch.Count, count - done);
                if (take < batch.Count)
                {
                    batch = TBatch.FromTensors(batch.Tensors.Select(t => t.narrow(0, 0, take)).ToArray(), batch.Labels?.narrow(0, 0, take));
                }

                if (batch.Labels is { } batchLabels)
                {
                    labels.Add(batchLabels.to_type(ScalarType.Int64).cpu().MoveToOuterDisposeScope());
                }

                batch = batch.To(Device);
                var features = Pool(encoder.call(PrepareForEmbedding(batch)), batch);
                parts.Add(features.to_type(ScalarType.Float32).cpu().MoveToOuterDisposeScope());
                done += take;
            }

            var all = parts.Count == 0 ? torch.empty(0, 0) : torch.cat(parts, 0);
            var allLabels = data.IsLabelled && labels.Count == parts.Count
                ? (labels.Count == 0 ? torch.empty(0, dtype: ScalarType.Int64) : torch.cat(labels, 0))
                : null;
            return new Embeddings(all, allLabels);
        }
        finally
        {
            foreach (var p in parts.Concat(labels))
            {
                p.Dispose();
            }

            encoder.train(encoderTraining);
            Network.train(networkTraining);
        }
    }

    /// <summary>
    /// Writes the encoder alone (<see cref="Encoder"/>'s weights, no heads, no training state) with
    /// a header (task name, parameter signature, <see cref="EncoderOutputDim"/>) to <paramref name="path"/>, atomically.
    /// Load it with <see cref="EncoderFile.Load"/> into an encoder built like the task's, for example
    /// to fine-tune it with the generated <c>new T.FineTuner(encoder)</c>.
    /// </summary>
    public void ExportEncoder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        EncoderFile.Save(path, Settings.TaskName, Encoder, EncoderOutputDim);
    }
}
