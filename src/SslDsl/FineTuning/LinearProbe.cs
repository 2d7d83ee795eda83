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
/// so the probe itself takes seconds.
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
        var candidates = new List<ProbeCandidate>();
        foreach (var (lr, wd) in settings.Grid())
        {
            var fitClock = Stopwatch.StartNew();
            using var head = Train(train, lr, wd, classes, settings, train, curve: null, cancellationToken);
            double accuracy = Evaluate(head, validation, train).Accuracy;
            candidates.Add(new ProbeCandidate(lr, wd, accuracy));
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[probe] lr {lr:G3} weight decay {wd:G3}: validation accuracy {accuracy:F4} ({fitClock.Elapsed.TotalSeconds:F1} s)"));
        }

        var chosen = candidates.Aggregate((best, c) => c.ValidationAccuracy > best.ValidationAccuracy ? c : best);
        using var all = torch.NewDisposeScope();
        var both = settings.RefitOnValidation
            ? (torch.cat(new List<Tensor> { train.Features, validation.Features }, 0), torch.cat(new List<Tensor> { train.Labels, validation.Labels }, 0))
            : train;
        var curve = new List<(double Loss, double LearningRate)>();
        using var final = Train(both, chosen.LearningRate, chosen.WeightDecay, classes, settings, both, curve, cancellationToken);
        var trainResult = Evaluate(final, both, both);
        var testResult = test is { } ts ? Evaluate(final, ts, both) : null;
        keepFinal?.Invoke(final.Linear, final.Mean, final.Std);
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
    /// Trains a head on <paramref name="data"/> (standardized with the statistics of <paramref name="reference"/>);
    /// adds each epoch's mean loss and last learning rate to <paramref name="curve"/> when given.
    /// </summary>
    private static Head Train((Tensor Features, Tensor Labels) data, double lr, double wd, int classes, ProbeSettings s, (Tensor Features, Tensor Labels) reference,
        List<(double Loss, double LearningRate)>? curve, CancellationToken cancellationToken)
    {
        var head = new Head(reference.Features, classes, s.Seed);
        long n = data.Features.shape[0];
        long batches = (n + s.BatchSize - 1) / s.BatchSize;
        int epochs = s.EpochsFor(n);
        long total = batches * epochs;
        long step = 0;
        using var optimizer = torch.optim.AdamW(head.Linear.parameters(), lr, weight_decay: wd);
        using var generator = new Generator(unchecked((ulong)(s.Seed + 7919)), data.Features.device);
        using var x = head.Standardize(data.Features);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var epochScope = torch.NewDisposeScope();
            // One shuffled copy per epoch; the batches are then contiguous slices of it.
            var order = torch.randperm(n, generator: generator, device: data.Features.device);
            var shuffled = x.index_select(0, order);
            var labels = data.Labels.index_select(0, order);
            double lossSum = 0, rate = lr;
            for (long b = 0; b < batches; b++)
            {
                using var scope = torch.NewDisposeScope();
                long start = b * s.BatchSize, size = Math.Min(s.BatchSize, n - start);
                rate = lr * 0.5 * (1 + Math.Cos(Math.PI * step / total));
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = rate;
                }

                step++;
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(head.Linear.forward(shuffled.narrow(0, start, size)), labels.narrow(0, start, size));
                loss.backward();
                optimizer.step();
                if (curve is not null)
                {
                    lossSum += loss.item<float>() * size;
                }
            }

            curve?.Add((lossSum / n, rate));
        }

        return head;
    }

    private static EvaluationResult Evaluate(Head head, (Tensor Features, Tensor Labels) data, (Tensor Features, Tensor Labels) reference)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var logits = head.Linear.forward(head.Standardize(data.Features));
        long correct = logits.argmax(1).eq(data.Labels).sum().item<long>();
        double loss = nn.functional.cross_entropy(logits, data.Labels).item<float>();
        long count = data.Labels.shape[0];
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

    /// <summary>A linear layer over features standardized with fixed statistics.</summary>
    private sealed class Head : IDisposable
    {
        private readonly Tensor _mean;
        private readonly Tensor _std;

        public Head(Tensor reference, int classes, long seed)
        {
            _mean = reference.mean(new long[] { 0 }, keepdim: true).DetachFromDisposeScope();
            _std = reference.std(0, keepdim: true).add_(1e-6).DetachFromDisposeScope();
            using (var saved = torch.random.get_rng_state())
            {
                torch.manual_seed(seed);
                Linear = nn.Linear(reference.shape[1], classes);
                torch.random.set_rng_state(saved);
            }

            Linear.to(reference.device);
        }

        public Linear Linear { get; }

        public Tensor Mean => _mean;

        public Tensor Std => _std;

        public Tensor Standardize(Tensor features) => (features - _mean) / _std;

        public void Dispose()
        {
            Linear.Dispose();
            _mean.Dispose();
            _std.Dispose();
        }
    }
}
