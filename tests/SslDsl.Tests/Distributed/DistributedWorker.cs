using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using SslDsl;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl.Tests.Distributed;

/// <summary>
/// What each rank runs when the tests start this assembly under <c>mpiexec</c> (<c>dotnet SslDsl.Tests.dll
/// distributed-worker SCENARIO ...</c>): checks of the collectives against hand-computed values, and training
/// runs of <see cref="TinyParallelForecast"/> that write each rank's final parameters for the tests to compare.
/// A failed check prints one line starting with "FAILED" and exits 1 after marking the rank failed, so that
/// MPI ends the whole job.
/// </summary>
internal static class DistributedWorker
{
    /// <summary>Exit code of a run refused with a message (resume of another world size).</summary>
    public const int Refused = 3;

    public static int Run(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "collectives" => CheckCollectives(),
                "losses" => CheckGatheredLosses(),
                "train" => Train(Options.Parse(args.Skip(1).ToArray())),
                _ => throw new ArgumentException($"Unknown scenario '{args.FirstOrDefault()}': use collectives, losses or train."),
            };
        }
        catch (Exception e) when (e is ResumeException or DistributedException)
        {
            Console.WriteLine($"REFUSED rank {RankText()}: {e.Message}");
            MarkFailed();
            return Refused;
        }
        catch (Exception e)
        {
            Console.WriteLine($"FAILED rank {RankText()}: {e}");
            MarkFailed();
            return 1;
        }
    }

    private static int CheckCollectives()
    {
        var c = Collectives.World;
        int w = c.WorldSize;
        int r = c.Rank;
        var env = DistributedEnvironment.FromProcess();
        Expect(env.Rank == r && env.WorldSize == w, $"the environment says rank {env.Rank} of {env.WorldSize}, the collectives {r} of {w}");

        using var sum = torch.full(3, r + 1f);
        c.AllReduce(sum);
        ExpectAll(sum, w * (w + 1) / 2.0, "float32 sum");

        using var mean = torch.full(new long[] { 2, 2 }, r + 1.0, ScalarType.Float64);
        c.AllReduce(mean, ReduceOperation.Average);
        ExpectAll(mean, (w + 1) / 2.0, "float64 average");

        using var max = torch.full(4, r + 1, ScalarType.Int32);
        c.AllReduce(max, ReduceOperation.Max);
        ExpectAll(max, w, "int32 max");

        using var min = torch.full(4, r + 1L, ScalarType.Int64);
        c.AllReduce(min, ReduceOperation.Min);
        ExpectAll(min, 1, "int64 min");

        // A transposed (non-contiguous) view is reduced through a copy and written back in place.
        using var basis = torch.arange(6, dtype: ScalarType.Float32).reshape(2, 3);
        using var transposed = basis.mul(r + 1f).t();
        c.AllReduce(transposed);
        using var expectedTransposed = basis.t().mul(w * (w + 1) / 2f);
        Expect(transposed.allclose(expectedTransposed, rtol: 0, atol: 0), "the non-contiguous sum differs from arange * W(W+1)/2");

        using var broadcast = torch.full(5, (long)r, ScalarType.Int64);
        c.Broadcast(broadcast, root: w - 1);
        ExpectAll(broadcast, w - 1, "broadcast from the last rank");

        using var row = torch.tensor(new float[] { r, 10 * r }).reshape(1, 2);
        using var gathered = c.AllGather(row);
        using var expectedRows = torch.arange(w, dtype: ScalarType.Float32).unsqueeze(1).mul(torch.tensor(new float[] { 1, 10 }));
        Expect(gathered.shape.SequenceEqual(new long[] { w, 2 }) && gathered.allclose(expectedRows, rtol: 0, atol: 0), $"all-gather gave {string.Join(", ", gathered.data<float>().ToArray())}");

        using var layer = nn.Linear(3, 2);
        foreach (var p in layer.parameters())
        {
            p.grad = torch.full_like(p, r + 1f);
        }

        var buckets = new GradientBuckets(layer.parameters(), bucketBytes: 16);
        Expect(buckets.Count == 2, $"16-byte buckets of a 3x2 weight and a bias should be 2, not {buckets.Count}");
        buckets.Average(c);
        foreach (var p in layer.parameters())
        {
            ExpectAll(p.grad!, (w + 1) / 2.0, "bucketed gradient average");
        }

        using var flags = torch.ones(2, ScalarType.Bool);
        try
        {
            c.AllReduce(flags);
            Expect(false, "a bool all-reduce did not throw");
        }
        catch (DistributedException e)
        {
            Expect(e.Message.Contains("Bool", StringComparison.Ordinal), $"the bool all-reduce message does not name the type: {e.Message}");
        }

        c.Barrier();
        Console.WriteLine($"rank {r} of {w}: collectives agree ({c.Backend}{(c is MpiCollectives mpi ? ", " + mpi.Library : "")})");
        return 0;
    }

    /// <summary>
    /// Each batch-global loss of this rank's rows inside a <see cref="GlobalBatch"/> span, with its gradients averaged
    /// over the ranks, against the same loss of the whole concatenated batch in this process: equal in value and in
    /// the gradients of the layer that made the embeddings. The loss of this rank's rows alone must differ, or the
    /// check would prove nothing.
    /// </summary>
    private static int CheckGatheredLosses()
    {
        var c = Collectives.World;
        int w = c.WorldSize;
        int r = c.Rank;
        const int PerRank = 4;
        var losses = new (string Name, Func<Tensor, Tensor, Tensor> Loss)[]
        {
            ("NT-Xent", (a, b) => Losses.NtXent(a, b, temperature: 0.5)),
            ("InfoNCE", (a, b) => Losses.InfoNce(a, b, temperature: 0.2)),
            ("Barlow Twins", (a, b) => Losses.BarlowTwins(a, b, lambda: 0.01)),
            ("VICReg", (a, b) => Losses.VicRegTerms(a, b).Total),
            ("DCLW", (a, b) => Losses.Dclw(a, b, temperature: 0.2)),
            ("MoCo v3", (a, b) => Losses.MocoV3(a, b, temperature: 0.2)),
        };
        foreach (var (name, loss) in losses)
        {
            torch.manual_seed(11);
            using var layer = nn.Linear(5, 3);
            using var x = torch.randn(PerRank * w, 5);
            using var y = torch.randn(PerRank * w, 5);

            using var whole = loss(layer.forward(x), layer.forward(y));
            var expected = Gradients(layer, whole);

            using var mine = x.narrow(0, r * PerRank, PerRank);
            using var theirs = y.narrow(0, r * PerRank, PerRank);
            using var alone = loss(layer.forward(mine), layer.forward(theirs));
            layer.zero_grad();
            Tensor gathered;
            using (GlobalBatch.Span(c))
            {
                gathered = loss(layer.forward(mine), layer.forward(theirs));
            }

            gathered.backward();
            new GradientBuckets(layer.parameters()).Average(c);
            double value = gathered.item<float>();
            double reference = whole.item<float>();
            Expect(Math.Abs(value - reference) <= 1e-5 * Math.Max(1, Math.Abs(reference)), $"{name}: the gathered loss is {value}, the whole batch's {reference}");
            Expect(Math.Abs(alone.item<float>() - reference) > 1e-3, $"{name}: the loss of this rank's rows alone equals the whole batch's, so the check proves nothing");
            var actual = layer.parameters().Select(p => p.grad!.clone()).ToArray();
            for (int i = 0; i < actual.Length; i++)
            {
                double difference = (actual[i] - expected[i]).abs().max().item<float>();
                Expect(difference <= 1e-5, $"{name}: gradient {i} differs from the whole batch's by {difference}");
            }
        }

        Console.WriteLine($"rank {r} of {w}: gathered losses equal the whole batch's");
        return 0;
    }

    private static Tensor[] Gradients(nn.Module module, Tensor loss)
    {
        module.zero_grad();
        loss.backward();
        return module.parameters().Select(p => p.grad!.clone()).ToArray();
    }

    private static int Train(Options o)
    {
        var options = new TrainingOptions
        {
            Device = torch.CPU,
            Epochs = o.Epochs,
            OutputDirectory = o.Output,
            Resume = o.Resume,
            ShowProgress = false,
            Log = Console.Out,
            WritePlots = false,
            TensorBoard = false,
            CollapseMonitor = null,
            OnNonFiniteLoss = o.NanSample is null ? NonFiniteLossPolicy.Stop : NonFiniteLossPolicy.SkipBatch,
            SyncBatchNorm = !o.NoSyncBatchNorm,
            CollectiveTimeout = o.CollectiveTimeoutSeconds is int seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
        using var data = DistributedData.Waves(o.NanSample);
        using PretextTrainer<SeriesBatch> trainer = o.Accumulate ? new TinyParallelForecastAccumulating.Trainer(options)
            : o.BatchNorm ? new TinyParallelForecastBatchNorm.Trainer(options)
            : new TinyParallelForecast.Trainer(options);
        if (o.HangRank is int hangRank)
        {
            trainer.StepCompleted += (t, step) =>
            {
                if (t.Collectives.Rank == hangRank && step.Step == o.HangStep)
                {
                    // Alive but stuck (a deadlocked data reader): the other ranks wait for it in their next collective.
                    Console.WriteLine($"rank {hangRank}: hanging after step {step.Step}");
                    Console.Out.Flush();
                    Thread.Sleep(Timeout.Infinite);
                }
            };
        }

        if (o.FailRank is int failRank)
        {
            trainer.StepCompleted += (t, step) =>
            {
                if (t.Collectives.Rank != failRank || step.Step != o.FailStep)
                {
                    return;
                }

                if (o.FailHow == "kill")
                {
                    Console.WriteLine($"rank {failRank}: killing itself after step {step.Step}");
                    Console.Out.Flush();
                    Process.GetCurrentProcess().Kill();
                }

                throw new InvalidOperationException($"rank {failRank}: an injected failure after step {step.Step}");
            };
        }

        var result = trainer.Fit(data);
        var flat = trainer.Network.state_dict().OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.detach().to(ScalarType.Float32).reshape(-1).data<float>().ToArray()).ToArray();
        var bytes = new byte[flat.Length * sizeof(float)];
        Buffer.BlockCopy(flat, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes($"{o.Prefix}.rank{trainer.Collectives.Rank}.bin", bytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rank {trainer.Collectives.Rank} of {trainer.Collectives.WorldSize}: steps {trainer.GlobalStep} skipped {trainer.SkippedBatches} loss {result.Epochs[^1].Loss:R}"));
        return 0;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }

    private static void ExpectAll(Tensor t, double value, string what)
    {
        var values = t.to(ScalarType.Float64).reshape(-1).data<double>().ToArray();
        Expect(values.All(v => v == value), $"{what}: expected every element {value}, got {string.Join(", ", values)}");
    }

    private static string RankText()
    {
        var env = DistributedEnvironment.FromProcess();
        return $"{env.Rank} of {env.WorldSize}";
    }

    private static void MarkFailed()
    {
        if (DistributedEnvironment.FromProcess().IsDistributed)
        {
            (Collectives.World as MpiCollectives)?.MarkFailed();
        }
    }

    /// <summary>The options of the train scenario.</summary>
    private sealed record Options(string Prefix, int? Epochs, string? Output, bool Resume, bool Accumulate, int? NanSample, int? FailRank, long FailStep, string FailHow,
        bool BatchNorm = false, bool NoSyncBatchNorm = false, int? HangRank = null, long HangStep = 0, int? CollectiveTimeoutSeconds = null)
    {
        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var flags = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] is "--resume" or "--accumulate" or "--batch-norm" or "--no-sync-bn")
                {
                    flags.Add(args[i]);
                }
                else if (i + 1 < args.Length)
                {
                    values[args[i]] = args[++i];
                }
                else
                {
                    throw new ArgumentException($"{args[i]} needs a value.");
                }
            }

            int? Number(string name) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;
            return new Options(
                values.TryGetValue("--out", out var prefix) ? prefix : throw new ArgumentException("--out PREFIX is required."),
                Number("--epochs"),
                values.GetValueOrDefault("--output"),
                flags.Contains("--resume"),
                flags.Contains("--accumulate"),
                Number("--nan-sample"),
                Number("--fail-rank"),
                Number("--fail-step") ?? 0,
                values.GetValueOrDefault("--fail-how", "throw"),
                flags.Contains("--batch-norm"),
                flags.Contains("--no-sync-bn"),
                Number("--hang-rank"),
                Number("--hang-step") ?? 0,
                Number("--collective-timeout"));
        }
    }
}
