using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The linear probe every encoder in SslDsl is compared with: multinomial logistic regression on
/// frozen, cached, standardized features, with its learning rate and weight decay chosen on a
/// validation split and the test split scored once at the end (<see cref="ProbeSettings"/>).
/// Features are computed once by the caller (for example <see cref="FineTuner{TBatch}.Features"/>),
/// and the grid's heads train side by side on the same batches, so the probe itself takes seconds.
/// </summary>
public static class LinearProbe
{
    /// <summary>
    /// Runs the grid on (<paramref name="train"/>, <paramref name="validation"/>), refits the best point on
    /// both (on <paramref name="train"/> alone when <see cref="ProbeSettings.RefitOnValidation"/> is false), and
    /// scores <paramref name="test"/> once. Feature tensors are [N, D] floats, labels [N] int64
    /// in [0, <paramref name="classes"/>); all on one device.
    /// </summary>
    /// <param name="train">Training features and labels.</param>
    /// <param name="validation">Validation features and labels: the grid is scored here.</param>
    /// <param name="test">Test features and labels, scored once with the final head; null to skip.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="settings">The grid and training settings; null for the defaults.</param>
    /// <param name="log">Where a line per grid point goes; null for none.</param>
    /// <param name="keepFinal">Receives the final head with the mean and std it standardizes with, before they are released (to copy them).</param>
    /// <param name="cancellationToken">Checked before every epoch of every head trained; when none is given, the <see cref="StopSignals"/> listening now, if any.</param>
    /// <exception cref="ArgumentException">Shapes that do not fit, too few classes, or empty splits.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static LinearProbeResult Fit((Tensor Features, Tensor Labels) train, (Tensor Features, Tensor Labels) validation,
        (Tensor Features, Tensor Labels)? test, int classes, ProbeSettings? settings = null, TextWriter? log = null,
        Action<Linear, Tensor, Tensor>? keepFinal = null, CancellationToken cancellationToken = default)
    {
        settings ??= new ProbeSettings();
        settings.Validate();
        cancellationToken = StopSignals.Or(cancellationToken);
        Check(train, "train", classes);
        Check(validation, "validation", classes);
        if (test is { } t)
        {
            Check(t, "test", classes);
        }

        if (validation.Features.shape[1] != train.Features.shape[1] || (test is { } t2 && t2.Features.shape[1] != train.Features.shape[1]))
        {
            throw new ArgumentException($"The probe's splits have different feature widths: train {train.Features.shape[1]}, validation {validation.Features.shape[1]}" +
                (test is { } t3 ? $", test {t3.Features.shape[1]}." : "."));
        }

        var clock = Stopwatch.StartNew();
        var grid = settings.Grid().ToArray();
        var candidates = new List<ProbeCandidate>();
        using (var trainScale = new Standardizer(train.Features))
        using (var x = trainScale.Apply(train.Features))
        using (var validationX = trainScale.Apply(validation.Features))
        {
            // Every grid point sees the same shuffles (one generator seed), so all heads train in lockstep on each
            // gathered batch: the features are read once per step for the whole grid, not once per head.
            var heads = Train(x, train.Labels, grid, classes, settings, curve: null, log, $"[probe] {grid.Length} heads", cancellationToken);
            try
            {
                for (int i = 0; i < grid.Length; i++)
                {
                    double accuracy = Evaluate(heads[i], validationX, validation.Labels).Accuracy;
                    candidates.Add(new ProbeCandidate(grid[i].LearningRate, grid[i].WeightDecay, accuracy));
                    log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"[probe] lr {grid[i].LearningRate:G3} weight decay {grid[i].WeightDecay:G3}: validation accuracy {accuracy:F4}"));
                }
            }
            finally
            {
                foreach (var head in heads)
                {
                    head.Dispose();
                }
            }
        }

        var chosen = candidates.Aggregate((best, c) => c.ValidationAccuracy > best.ValidationAccuracy ? c : best);
        using var all = torch.NewDisposeScope();
        (Tensor Features, Tensor Labels) both = settings.RefitOnValidation
            ? (torch.cat(new List<Tensor> { train.Features, validation.Features }, 0), torch.cat(new List<Tensor> { train.Labels, validation.Labels }, 0))
            : train;
        var curve = new List<(double Loss, double LearningRate)>();
        using var scale = new Standardizer(both.Features);
        var bothX = scale.Apply(both.Features);
        using var final = Train(bothX, both.Labels, new[] { (chosen.LearningRate, chosen.WeightDecay) }, classes, settings, curve,
            log, "[probe] final head", cancellationToken)[0];
        var trainResult = Evaluate(final, bothX, both.Labels);
        var testResult = test is { } ts ? Evaluate(final, scale.Apply(ts.Features), ts.Labels) : null;
        keepFinal?.Invoke(final, scale.Mean, scale.Std);
        string testText = testResult is null ? "" : FormattableString.Invariant($", test accuracy {testResult.Accuracy:F4}");
        log?.WriteLine(FormattableString.Invariant(
            $"[probe] chose lr {chosen.LearningRate:G3} weight decay {chosen.WeightDecay:G3} on validation; {(settings.RefitOnValidation ? "train+validation" : "train")} accuracy {trainResult.Accuracy:F4}{testText} ({clock.Elapsed.TotalSeconds:F1} s)"));
        return new LinearProbeResult(chosen, candidates, trainResult, testResult, clock.Elapsed.TotalSeconds)
        {
            FinalEpochLosses = curve.Select(c => c.Loss).ToArray(),
            FinalEpochLearningRates = curve.Select(c => c.LearningRate).ToArray(),
        };
    }

    /// <summary>
    /// Trains one head per (learning rate, weight decay) point on the standardized features <paramref name="x"/>, all
    /// from the same initial weights and on the same shuffled batches, each with its own AdamW and cosine schedule, so
    /// each ends exactly as if it had been trained alone; adds each epoch's mean loss and last learning rate of the first
    /// head to <paramref name="curve"/> when given. Each batch is gathered from <paramref name="x"/> by index (4 MiB for
    /// 1,024 rows of 1,024 features, reused by every head) rather than copying all of it in a new order every epoch,
    /// and one matrix product of the stacked weights gives every head's logits.
    /// </summary>
    private static Linear[] Train(Tensor x, Tensor labels, IReadOnlyList<(double LearningRate, double WeightDecay)> points, int classes, ProbeSettings s,
        List<(double Loss, double LearningRate)>? curve, TextWriter? log, string phase, CancellationToken cancellationToken)
    {
        // ConsoleProgress decides itself whether the console is interactive when it is given no writer of its own.
        var progress = log is null ? null : new ConsoleProgress(ReferenceEquals(log, Console.Out) ? null : log);
        long n = x.shape[0];
        long batches = (n + s.BatchSize - 1) / s.BatchSize;
        int epochs = s.EpochsFor(n);
        long total = batches * epochs;
        var heads = new Linear[points.Count];
        var optimizers = new optim.Optimizer[points.Count];
        try
        {
            for (int h = 0; h < heads.Length; h++)
            {
                heads[h] = NewHead(x.shape[1], classes, s.Seed, x.device);
                optimizers[h] = torch.optim.AdamW(heads[h].parameters(), points[h].LearningRate, weight_decay: points[h].WeightDecay);
            }

            var weights = heads.Select(head => (Tensor)head.weight!).ToList();
            var biases = heads.Select(head => (Tensor)head.bias!).ToList();
            using var generator = new Generator(unchecked((ulong)(s.Seed + 7919)), x.device);
            progress?.Begin(phase, epochs);
            long step = 0;
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var epochScope = torch.NewDisposeScope();
                var order = torch.randperm(n, generator: generator, device: x.device);
                double lossSum = 0, firstRate = 0;
                for (long b = 0; b < batches; b++)
                {
                    using var scope = torch.NewDisposeScope();
                    long start = b * s.BatchSize, size = Math.Min(s.BatchSize, n - start);
                    var rows = order.narrow(0, start, size);
                    var batch = x.index_select(0, rows);
                    var batchLabels = labels.index_select(0, rows);
                    double cosine = 0.5 * (1 + Math.Cos(Math.PI * step / total));
                    firstRate = points[0].LearningRate * cosine;
                    step++;
                    // One matrix product for all heads (their weights stacked), then each head's own loss; the summed
                    // loss gives each head the gradient of its own loss alone.
                    var logits = nn.functional.linear(batch, torch.cat(weights, 0), torch.cat(biases, 0));
                    Tensor? summed = null;
                    for (int h = 0; h < heads.Length; h++)
                    {
                        foreach (var group in optimizers[h].ParamGroups)
                        {
                            group.LearningRate = points[h].LearningRate * cosine;
                        }

                        optimizers[h].zero_grad();
                        var loss = nn.functional.cross_entropy(logits.narrow(1, h * classes, classes), batchLabels);
                        summed = summed is null ? loss : summed + loss;
                        if (curve is not null && h == 0)
                        {
                            lossSum += loss.item<float>() * size;
                        }
                    }

                    summed!.backward();
                    foreach (var optimizer in optimizers)
                    {
                        optimizer.step();
                    }
                }

                curve?.Add((lossSum / n, firstRate));
                progress?.Report(epoch + 1, curve is null ? double.NaN : lossSum / n, (epoch + 1) * n, "rows");
            }

            progress?.End(FormattableString.Invariant($"{epochs} epochs of {n} rows"));
            return heads;
        }
        catch
        {
            foreach (var head in heads)
            {
                head?.Dispose();
            }

            throw;
        }
        finally
        {
            foreach (var optimizer in optimizers)
            {
                optimizer?.Dispose();
            }
        }
    }

    /// <summary>A head initialized from <paramref name="seed"/>, leaving the global generator as it was.</summary>
    private static Linear NewHead(long features, int classes, long seed, Device device)
    {
        using (var saved = torch.random.get_rng_state())
        {
            torch.manual_seed(seed);
            var head = nn.Linear(features, classes);
            torch.random.set_rng_state(saved);
            head.to(device);
            return head;
        }
    }

    private static EvaluationResult Evaluate(Linear head, Tensor x, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var logits = head.forward(x);
        long correct = logits.argmax(1).eq(labels).sum().item<long>();
        double loss = nn.functional.cross_entropy(logits, labels).item<float>();
        long count = labels.shape[0];
        return new EvaluationResult(correct / (double)count, loss, count);
    }

    private static void Check((Tensor Features, Tensor Labels) split, string name, int classes)
    {
        if (classes < 2)
        {
            throw new ArgumentException($"A linear probe needs at least 2 classes; {classes} were given.", nameof(classes));
        }

        if (split.Features is null || split.Labels is null || split.Features.dim() != 2 || split.Labels.dim() != 1 ||
            split.Features.shape[0] != split.Labels.shape[0] || split.Labels.shape[0] == 0)
        {
            throw new ArgumentException($"The probe's {name} split needs features [N, D] and labels [N] with N > 0.");
        }
    }

    /// <summary>The per-feature mean and standard deviation of a reference split, which every split is standardized with.</summary>
    private sealed class Standardizer : IDisposable
    {
        public Standardizer(Tensor reference)
        {
            Mean = reference.mean(new long[] { 0 }, keepdim: true).DetachFromDisposeScope();
            Std = reference.std(0, keepdim: true).add_(1e-6).DetachFromDisposeScope();
        }

        public Tensor Mean { get; }

        public Tensor Std { get; }

        public Tensor Apply(Tensor features) => (features - Mean) / Std;

        public void Dispose()
        {
            Mean.Dispose();
            Std.Dispose();
        }
    }
}
