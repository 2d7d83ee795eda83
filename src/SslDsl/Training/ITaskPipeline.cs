using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>A generated task's Pipeline: its random augmentation, seeded, and its deterministic preparation.</summary>
/// <typeparam name="TSelf">The pipeline type.</typeparam>
public interface ITaskPipeline<TSelf> : IDisposable
    where TSelf : ITaskPipeline<TSelf>
{
    /// <summary>A pipeline drawing on <paramref name="device"/>, its random draws seeded by <paramref name="seed"/>.</summary>
    static abstract TSelf Create(Device device, long seed);

    /// <summary>The deterministic part of the pipeline (normalization), for embedding, fine-tuning and inference.</summary>
    static abstract Tensor Prepare(Tensor inputs);

    /// <summary>The generators every random draw comes from, in a fixed order (their states are saved in checkpoints).</summary>
    IReadOnlyList<Generator> Generators { get; }
}
