using System;
using System.Collections.Generic;
using TorchSharp;

namespace SslDsl.Generators.Tests;

/// <summary>
/// Source of <c>Tiny.Recorder</c>, compiled with a task: an identity layer that keeps a copy of every batch it
/// sees in training mode, so a test can put it in front of a BatchNorm and read what statistics it was given.
/// </summary>
internal static class Recorder
{
    public const string Source = """
        using System.Collections.Generic;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Tiny;

        /// <summary>Passes its input on (as an alias: Sequential disposes what a layer returns once the next has run) and keeps a copy of every batch seen in training mode.</summary>
        public sealed class Recorder : nn.Module<Tensor, Tensor>
        {
            /// <summary>Creates the layer.</summary>
            public Recorder() : base("recorder")
            {
            }

            /// <summary>The batches seen in training mode, in order.</summary>
            public List<Tensor> Batches { get; } = new();

            /// <inheritdoc />
            public override Tensor forward(Tensor input)
            {
                if (training)
                {
                    Batches.Add(input.detach().clone().DetachFromDisposeScope());
                }

                return input.alias();
            }
        }
        """;

    /// <summary>The batches recorded by the Recorder inside <paramref name="module"/>.</summary>
    public static List<torch.Tensor> Of(torch.nn.Module module)
    {
        foreach (var m in module.modules())
        {
            if (m.GetType().Name == "Recorder")
            {
                return (List<torch.Tensor>)m.GetType().GetProperty("Batches")!.GetValue(m)!;
            }
        }

        throw new InvalidOperationException("The module holds no Recorder.");
    }
}
