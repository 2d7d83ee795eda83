using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The training loop every generated <c>Trainer</c> derives from. The generated class supplies the
/// model, the augmentation pipeline and <see cref="ComputeLoss"/> as straight-line tensor code;
/// this class owns the optimizer, the learning-rate schedule, gradient clipping, progress,
/// metrics, checkpoints and resume.
/// </summary>
/// <typeparam name="TBatch">The task's batch type; passing another one is a compile error.</typeparam>
public abstract class PretextTrainer<TBatch> : IDisposable
    where TBatch : IBatch<TBatch>
{
    private TrainingOptimizer? _optimizer;
    private readonly List<EpochMetrics> _history = new();
    private double _bestLoss = double.PositiveInfinity;
    private string? _lastCheckpoint;

    /// <summary>Resolves the declared settings against the run-time options and seeds torch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    protected PretextTrainer(TrainingSettings declared, TrainingOptions? options)
    {
        Options = options ?? new TrainingOptions();
        Options.Validate();
        Settings = declared with
        {
            Epochs = Options.Epochs ?? declared.Epochs,
            BatchSize = Options.BatchSize ?? declared.BatchSize,
            Seed = Options.Seed ?? declared.Seed,
            Optimizer = Options.LearningRate is double lr ? declared.Optimizer with { LearningRate = lr } : declared.Optimizer,
        };
        Device = Options.Device ?? Devices.Best();
        torch.manual_seed(Settings.Seed);
    }

    /// <summary>The settings in force: the declared ones with the run-time overrides applied.</summary>
    public TrainingSettings Settings { get; }

    /// <summary>The run-time options.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The device the model and batches live on.</summary>
    public Device Device { get; }

    /// <summary>The whole network (encoder, heads, momentum target) as one module.</summary>
    public abstract nn.Module Network { get; }

    /// <summary>Optimizer steps taken so far.</summary>
    public long GlobalStep { get; private set; }

    /// <summary>Epochs completed so far.</summary>
    public int CompletedEpochs { get; private set; }

    /// <summary>Steps in the whole run as planned by <see cref="Fit"/>; 0 before it starts.</summary>
    public long TotalSteps { get; private set; }

    /// <summary>The fraction of training done, in [0,1] (0 outside <see cref="Fit"/>): drives momentum schedules.</summary>
    protected double TrainingProgress => TotalSteps > 0 ? Math.Clamp(GlobalStep / (double)TotalSteps, 0.0, 1.0) : 0.0;

    /// <summary>Per-epoch metrics of this trainer so far.</summary>
    public IReadOnlyList<EpochMetrics> History => _history;

    /// <summary>Raised after each epoch, before its metrics are written (monitors may add to <see cref="EpochMetrics.Extra"/>).</summary>
    public event Action<PretextTrainer<TBatch>, EpochMetrics>? EpochCompleted;

    /// <summary>The optimizer (created on first use over <see cref="ParameterGroups"/>).</summary>
    public TrainingOptimizer Optimizer => _optimizer ??= new TrainingOptimizer(Settings.Optimizer, ParameterGroups());

    /// <summary>The parameters the optimizer updates; by default every trainable parameter of <see cref="Network"/>.</summary>
    protected virtual IReadOnlyList<ParameterGroup> ParameterGroups() =>
        new[] { new ParameterGroup(Network.parameters().Where(p => p.requires_grad).ToArray()) };

    /// <summary>The loss of one batch (already on <see cref="Device"/>), as generated from the task's objectives.</summary>
    protected abstract LossTerms ComputeLoss(TBatch batch);

    /// <summary>Runs after each optimizer update (momentum-encoder EMA, queue updates); <paramref name="loss"/> is the step's loss.</summary>
    protected virtual void AfterOptimizerStep(LossTerms loss)
    {
    }

    /// <summary>Writes state beyond the network and optimizer (augmentation RNG); paired with <see cref="LoadExtraState"/>.</summary>
    protected virtual void SaveExtraState(BinaryWriter writer)
    {
    }

    /// <summary>Reads what <see cref="SaveExtraState"/> wrote.</summary>
    protected virtual void LoadExtraState(BinaryReader reader)
    {
    }

    /// <summary>
    /// One optimization step on <paramref name="batch"/>: augment, forward, loss, backward, update.
    /// Returns the loss before the update.
    /// </summary>
    /// <exception cref="NonFiniteLossException">The loss is NaN or infinite; the update is not applied.</exception>
    public float Step(TBatch batch)
    {
        using var scope = torch.NewDisposeScope();
        return (float)StepCore(batch.To(Device), out _);
    }

    private double StepCore(TBatch batch, out Dictionary<string, double> termValues)
    {
        Network.train();
        var optimizer = Optimizer;
        long stepsPerEpoch = _stepsPerEpoch > 0 ? _stepsPerEpoch : 1;
        optimizer.SetLearningRateFactor(LearningRateSchedules.Factor(Settings.Schedule, GlobalStep, TotalSteps, stepsPerEpoch, Settings.Optimizer.LearningRate));
        optimizer.ZeroGrad();

        var loss = ComputeLoss(batch);
        double total = loss.Total.item<float>();
        termValues = new Dictionary<string, double>(loss.Terms.Count);
        foreach (var (name, value) in loss.Terms)
        {
            termValues[name] = value.item<float>();
        }

        if (!double.IsFinite(total))
        {
            throw new NonFiniteLossException(Settings.TaskName, GlobalStep, CompletedEpochs + 1,
                termValues.Count > 0 ? termValues : new Dictionary<string, double> { ["total"] = total }, _lastCheckpoint);
        }

        loss.Total.backward();
        if (Settings.GradientClip > 0)
        {
            torch.nn.utils.clip_grad_norm_(optimizer.Parameters, Settings.GradientClip);
        }

        optimizer.Step();
        AfterOptimizerStep(loss);
        GlobalStep++;
        return total;
    }

    private long _stepsPerEpoch;

    /// <summary>
    /// Pretrains on <paramref name="data"/> for the configured epochs: shuffles with a per-epoch
    /// seed, drops the last incomplete batch, reports progress, writes metrics and checkpoints to
    /// the output folder, and resumes from its last checkpoint when asked. Cancelling
    /// <paramref name="cancellationToken"/> saves a checkpoint of the finished epochs and returns.
    /// </summary>
    /// <exception cref="ArgumentException">The dataset holds fewer samples than one batch.</exception>
    public FitResult Fit(Dataset<TBatch> data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        int batchSize = Settings.BatchSize;
        long fullBatches = data.BatchCount(batchSize, dropLast: true);
        if (fullBatches == 0)
        {
            throw new ArgumentException(
                $"Dataset '{data.Name}' holds {data.Count} samples, fewer than one batch of {batchSize}. Lower the batch size (TrainingOptions.BatchSize) or add data.",
                nameof(data));
        }

        _stepsPerEpoch = Options.MaxStepsPerEpoch is int max ? Math.Min(max, fullBatches) : fullBatches;
        TotalSteps = _stepsPerEpoch * Settings.Epochs;
        var clock = Stopwatch.StartNew();
        int resumedFrom = 0;

        string? outDir = Options.OutputDirectory;
        string? checkpointDir = outDir is null ? null : Path.Combine(outDir, "checkpoints");
        if (Options.Resume && checkpointDir is not null && File.Exists(Path.Combine(checkpointDir, "last.ckpt")))
        {
            LoadCheckpoint(Path.Combine(checkpointDir, "last.ckpt"));
            resumedFrom = CompletedEpochs;
            Log($"Resumed '{Settings.TaskName}' from {Path.Combine(checkpointDir, "last.ckpt")} after epoch {CompletedEpochs} (step {GlobalStep}).");
        }

        using var metrics = outDir is null ? null : new MetricsWriter(outDir);
        var progress = Options.ShowProgress ? new ConsoleProgress(Options.Log) : null;

        for (int epoch = CompletedEpochs; epoch < Settings.Epochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var epochClock = Stopwatch.StartNew();
            progress?.Begin($"[{Settings.TaskName}] epoch {epoch + 1}/{Settings.Epochs}", _stepsPerEpoch);
            double lossSum = 0;
            var termSums = new Dictionary<string, double>();
            long steps = 0;
            long samples = 0;
            bool interrupted = false;

            using (var batches = data.Batches(batchSize, shuffle: true, seed: Settings.Seed + epoch, dropLast: true).GetEnumerator())
            {
                while (steps < _stepsPerEpoch)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        interrupted = true;
                        break;
                    }

                    using var scope = torch.NewDisposeScope();
                    if (!batches.MoveNext())
                    {
                        break;
                    }

                    var batch = batches.Current.To(Device);
                    double loss = StepCore(batch, out var terms);
                    lossSum += loss;
                    foreach (var (name, value) in terms)
                    {
                        termSums[name] = termSums.GetValueOrDefault(name) + value;
                    }

                    steps++;
                    samples += batch.Count;
                    metrics?.WriteStep(GlobalStep, epoch + 1, loss, terms, Optimizer.LearningRate);
                    progress?.Report(steps, lossSum / steps, samples);
                }
            }

            if (interrupted)
            {
                progress?.End("interrupted");
                Log($"Training of '{Settings.TaskName}' interrupted during epoch {epoch + 1}; the weights of the last finished epoch are kept.");
                break;
            }

            double seconds = epochClock.Elapsed.TotalSeconds;
            var epochMetrics = new EpochMetrics(
                epoch + 1,
                steps,
                steps > 0 ? lossSum / steps : double.NaN,
                termSums.ToDictionary(kv => kv.Key, kv => kv.Value / Math.Max(1, steps)),
                Optimizer.LearningRate,
                seconds,
                seconds > 0 ? samples / seconds : 0);
            CompletedEpochs = epoch + 1;
            EpochCompleted?.Invoke(this, epochMetrics);
            _history.Add(epochMetrics);
            metrics?.WriteEpoch(epochMetrics);
            progress?.End(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"loss {epochMetrics.Loss:F4} lr {epochMetrics.LearningRate:G3} {epochMetrics.SamplesPerSecond:F0} samples/s {ConsoleProgress.FormatTime(seconds)}"));

            if (checkpointDir is not null && Options.CheckpointEvery > 0 &&
                (CompletedEpochs % Options.CheckpointEvery == 0 || CompletedEpochs == Settings.Epochs))
            {
                string last = Path.Combine(checkpointDir, "last.ckpt");
                SaveCheckpoint(last);
                if (epochMetrics.Loss < _bestLoss)
                {
                    _bestLoss = epochMetrics.Loss;
                    File.Copy(last, Path.Combine(checkpointDir, "best.ckpt"), overwrite: true);
                }
            }
        }

        return new FitResult(_history.ToArray(), clock.Elapsed.TotalSeconds, resumedFrom);
    }

    /// <summary>
    /// Writes everything needed to continue exactly: network, optimizer, schedule position,
    /// random number generators, history and extra state (atomic: temp file then rename).
    /// </summary>
    public void SaveCheckpoint(string path)
    {
        CheckpointFile.Write(path, Settings.TaskName, Network, writer =>
        {
            writer.Write(CompletedEpochs);
            writer.Write(GlobalStep);
            writer.Write(_bestLoss);
            writer.Write(JsonSerializer.Serialize(_history.Select(MetricsWriter.Flatten).Select(f => f.ToDictionary(kv => kv.Key, kv => kv.Value)).ToArray()));
            Network.save(writer);
            Optimizer.Save(writer);
            using var rng = torch.random.get_rng_state();
            CheckpointFile.WriteBytes(writer, rng);
            SaveExtraState(writer);
        });
        _lastCheckpoint = path;
    }

    /// <summary>Restores a checkpoint written by <see cref="SaveCheckpoint"/> of the same task and shapes.</summary>
    /// <exception cref="CheckpointMismatchException">Another task, another model shape, or not a checkpoint.</exception>
    public void LoadCheckpoint(string path)
    {
        CheckpointFile.Read(path, Settings.TaskName, Network, reader =>
        {
            CompletedEpochs = reader.ReadInt32();
            GlobalStep = reader.ReadInt64();
            _bestLoss = reader.ReadDouble();
            var history = JsonSerializer.Deserialize<Dictionary<string, double>[]>(reader.ReadString()) ?? Array.Empty<Dictionary<string, double>>();
            _history.Clear();
            _history.AddRange(history.Select(Unflatten));
            Network.load(reader);
            Network.to(Device);
            Optimizer.Load(reader);
            using var rng = CheckpointFile.ReadBytes(reader);
            torch.random.set_rng_state(rng);
            LoadExtraState(reader);
        });
        _lastCheckpoint = path;
    }

    private static EpochMetrics Unflatten(Dictionary<string, double> f)
    {
        var terms = f.Where(kv => kv.Key.StartsWith("loss_", StringComparison.Ordinal)).ToDictionary(kv => kv.Key.Substring(5), kv => kv.Value);
        var m = new EpochMetrics((int)f.GetValueOrDefault("epoch"), (long)f.GetValueOrDefault("steps"), f.GetValueOrDefault("loss"), terms,
            f.GetValueOrDefault("lr"), f.GetValueOrDefault("seconds"), f.GetValueOrDefault("samples_per_second"));
        var known = new HashSet<string> { "epoch", "steps", "loss", "lr", "seconds", "samples_per_second" };
        foreach (var kv in f.Where(kv => !known.Contains(kv.Key) && !kv.Key.StartsWith("loss_", StringComparison.Ordinal)))
        {
            m.Extra[kv.Key] = kv.Value;
        }

        return m;
    }

    private void Log(string message) => (Options.Log ?? Console.Out).WriteLine(message);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the optimizer and the network.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _optimizer?.Dispose();
            Network.Dispose();
        }
    }
}
