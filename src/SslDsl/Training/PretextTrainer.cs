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
/// The training loop every generated <c>Trainer</c> derives from. The generated class supplies the
/// model, the augmentation pipeline and <see cref="ComputeLoss"/> as straight-line tensor code;
/// this class owns the optimizer, the learning-rate schedule, gradient clipping, non-finite loss
/// handling, progress, metrics, monitors, plots, checkpoints, exact resume and cancellation.
/// </summary>
/// <typeparam name="TBatch">The task's batch type; passing another one is a compile error.</typeparam>
public abstract partial class PretextTrainer<TBatch> : ITrainingContext, IDisposable
    where TBatch : IBatch<TBatch>
{
    private TrainingOptimizer? _optimizer;
    private readonly List<EpochMetrics> _history = new();
    private double _bestLoss = double.PositiveInfinity;
    private string? _lastCheckpoint;
    private long _stepsPerEpoch;
    private long _skippedBatches;
    private EpochProgress? _position;
    private IDataSource<TBatch>? _fitData;
    private readonly TrainingSettings _declared;

    /// <summary>Resolves the declared settings against the run-time options and seeds torch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the exception names it).</exception>
    /// <exception cref="ArgumentException">The device is not available in this process (CUDA without a GPU), the batch size is not a multiple of the number of processes, or mixed precision was declared for several processes.</exception>
    /// <exception cref="DistributedException">The process was started as one of several ranks and cannot join them (see <see cref="SslDsl.Collectives.World"/>).</exception>
    protected PretextTrainer(TrainingSettings declared, TrainingOptions? options)
    {
        ArgumentNullException.ThrowIfNull(declared);
        _declared = declared;
        Options = options ?? new TrainingOptions();
        Options.Validate();
        Settings = declared with
        {
            Epochs = Options.Epochs ?? declared.Epochs,
            BatchSize = Options.BatchSize ?? declared.BatchSize,
            Seed = Options.Seed ?? declared.Seed,
            Optimizer = Options.LearningRate is double lr ? declared.Optimizer with { LearningRate = lr } : declared.Optimizer,
            Precision = Options.Precision ?? declared.Precision,
        };
        ValidateSettings(Settings);
        _collectives = ResolveCollectives(Options, Settings, out var device);
        Device = device;
        Precision = MixedPrecision.Resolve(Settings.Precision, device, _collectives.WorldSize);
        torch.manual_seed(Settings.Seed);
    }

    /// <summary>The settings in force: the declared ones with the run-time overrides applied.</summary>
    public TrainingSettings Settings { get; }

    /// <summary>The run-time options.</summary>
    public TrainingOptions Options { get; }

    /// <summary>How messages name the settings (API properties, or the options of a command line).</summary>
    private SettingNames Names => Options.Names;

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

    /// <summary>Batches skipped so far because their loss was not finite (<see cref="NonFiniteLossPolicy.SkipBatch"/>).</summary>
    public long SkippedBatches => _skippedBatches;

    /// <summary>The last checkpoint written or loaded, or null.</summary>
    public string? LastCheckpoint => _lastCheckpoint;

    /// <summary>The fraction of training done, in [0,1] (0 outside <see cref="Fit"/>): drives momentum schedules.</summary>
    protected double TrainingProgress => TotalSteps > 0 ? Math.Clamp(GlobalStep / (double)TotalSteps, 0.0, 1.0) : 0.0;

    /// <summary>Per-epoch metrics of this trainer so far.</summary>
    public IReadOnlyList<EpochMetrics> History => _history;

    /// <summary>Raised after each epoch, after the monitors and before its metrics are written (handlers may add to <see cref="EpochMetrics.Extra"/>).</summary>
    public event Action<PretextTrainer<TBatch>, EpochMetrics>? EpochCompleted;

    /// <summary>Raised after each applied optimizer step of <see cref="Fit"/>.</summary>
    public event Action<PretextTrainer<TBatch>, StepMetrics>? StepCompleted;

    /// <summary>The optimizer (created on first use over <see cref="ParameterGroups"/>).</summary>
    public TrainingOptimizer Optimizer => _optimizer ??= new TrainingOptimizer(Settings.Optimizer, ParameterGroups());

    /// <summary>The parameters the optimizer updates; by default every trainable parameter of <see cref="Network"/>.</summary>
    protected virtual IReadOnlyList<ParameterGroup> ParameterGroups() =>
        new[] { new ParameterGroup(Network.parameters().Where(p => p.requires_grad).ToArray()) };

    /// <summary>The loss of one batch (already on <see cref="Device"/>), as generated from the task's objectives.</summary>
    protected abstract LossTerms ComputeLoss(TBatch batch);

    /// <summary>
    /// Checks a batch against the task's declared input before any of it is used; the base of the generated
    /// trainers checks images against <c>[ImageInput]</c>. Throws <see cref="ArgumentException"/> with what
    /// was found, what the task declares and what to change.
    /// </summary>
    private protected virtual void CheckInputs(TBatch batch)
    {
    }

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
    /// Returns the loss before the update, or NaN when the batch was skipped
    /// (<see cref="NonFiniteLossPolicy.SkipBatch"/>). With <see cref="AccumulateSteps"/> k &gt; 1 every k-th
    /// call updates, with the gradients of the k batches summed.
    /// </summary>
    /// <exception cref="ArgumentException">The batch does not hold what the task declares (images of another channel count or size).</exception>
    /// <exception cref="NonFiniteLossException">The loss is NaN or infinite (and may not be skipped); the update is not applied.</exception>
    public float Step(TBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = torch.NewDisposeScope();
        var outcome = StepCore(batch.To(Device), CompletedEpochs + 1);
        return outcome.Applied ? (float)outcome.Loss : float.NaN;
    }

    /// <summary>A computed batch: its loss and terms; Update holds the window's mean when the optimizer stepped after it.</summary>
    private readonly record struct StepOutcome(bool Applied, double Loss, Dictionary<string, double> Terms, (double Loss, Dictionary<string, double> Terms)? Update = null);

    private StepOutcome StepCore(TBatch batch, int epoch)
    {
        CheckInputs(batch);
        Network.train();
        var optimizer = Optimizer;
        SetEpochOfModules(epoch - 1);
        if (PendingBatches == 0)
        {
            long stepsPerEpoch = _stepsPerEpoch >= AccumulateSteps ? _stepsPerEpoch / AccumulateSteps : 1;
            optimizer.SetLearningRateFactor(LearningRateSchedules.Factor(Settings.Schedule, GlobalStep, TotalSteps, stepsPerEpoch, Settings.Optimizer.LearningRate));
            optimizer.ZeroGrad();
        }

        BroadcastBuffers();

        // Forward passes update buffers (batch-norm statistics); a batch that is skipped must not.
        bool maySkip = Options.OnNonFiniteLoss == NonFiniteLossPolicy.SkipBatch;
        var buffers = maySkip ? SnapshotBuffers() : null;

        WatchNumerics();
        _numerics?.BeginStep();
        try
        {
            return ComputeAndApply(batch, epoch, optimizer, maySkip, buffers);
        }
        finally
        {
            _numerics?.EndStep();
        }
    }

    private StepOutcome ComputeAndApply(TBatch batch, int epoch, TrainingOptimizer optimizer, bool maySkip, Tensor[]? buffers)
    {
        LossTerms loss;
        try
        {
            // Several ranks: the batch-global losses and batch norm span every rank's samples.
            using var lowered = LowerPrecision();
            loss = ComputeGlobalLoss(batch);
        }
        catch (BatchTooSmallException e)
        {
            throw new ArgumentException(
                $"Task '{Settings.TaskName}': batches of {Settings.BatchSize} are too small for its loss. {e.Reason} " +
                $"Use {Names.Set(nameof(TrainingOptions.BatchSize), e.Minimum)} or more.", e);
        }

        double total = loss.Total.item<float>();
        var termValues = new Dictionary<string, double>(loss.Terms.Count);
        foreach (var (name, value) in loss.Terms)
        {
            termValues[name] = value.item<float>();
        }

        // Several ranks: the loss of the global batch; non-finite on every rank when it is on any one.
        total = AverageLoss(total, termValues);
        bool finite = double.IsFinite(total);
        string? detail = finite ? null : _numerics?.DiagnoseForward();
        bool closes = ClosesWindow;
        if (finite)
        {
            Accumulated(loss).backward();
            if (closes)
            {
                AverageGradients(optimizer);
            }

            double norm = !closes ? 0.0
                : Settings.GradientClip > 0 ? torch.nn.utils.clip_grad_norm_(optimizer.Parameters, Settings.GradientClip)
                : GradientNorm(optimizer.Parameters);
            if (!double.IsFinite(norm))
            {
                termValues[NonFiniteLossException.GradientNormTerm] = norm;
                finite = false;
                detail = DiagnoseGradient();
            }
        }

        if (!finite)
        {
            if (!double.IsFinite(total) && termValues.Values.All(double.IsFinite))
            {
                termValues["total"] = total;
            }

            if (maySkip && _skippedBatches < Options.MaxSkippedBatches)
            {
                RestoreBuffers(buffers!);
                DropWindow(optimizer);
                optimizer.ZeroGrad();
                _skippedBatches++;
                Log(string.Create(CultureInfo.InvariantCulture,
                    $"WARNING [{Settings.TaskName}] skipped the batch of step {GlobalStep} (epoch {epoch}): " +
                    $"{string.Join(", ", termValues.Where(t => !double.IsFinite(t.Value)).Select(t => $"{t.Key} = {t.Value}"))}; " +
                    $"{_skippedBatches} of at most {Options.MaxSkippedBatches} skips used."));
                return new StepOutcome(false, total, termValues);
            }

            throw new NonFiniteLossException(Settings.TaskName, GlobalStep, epoch, termValues, LastVerifiedCheckpoint(), _skippedBatches, detail);
        }

        if (AddToWindow(total, termValues) is not { } update)
        {
            return new StepOutcome(true, total, termValues);
        }

        optimizer.Step();
        if (_numerics is not null && NumericsWatch.DiagnoseParameters(Network) is string damaged)
        {
            throw new NonFiniteLossException(Settings.TaskName, GlobalStep, epoch, termValues, LastVerifiedCheckpoint(), _skippedBatches, damaged, updateApplied: true);
        }

        AfterOptimizerStep(loss);
        GlobalStep++;
        return new StepOutcome(true, total, termValues, update);
    }

    private Tensor[] SnapshotBuffers()
    {
        using var noGrad = torch.no_grad();
        return Network.buffers().Select(b => b.clone()).ToArray();
    }

    private void RestoreBuffers(Tensor[] saved)
    {
        using var noGrad = torch.no_grad();
        int i = 0;
        foreach (var b in Network.buffers())
        {
            b.copy_(saved[i++]);
        }
    }

    /// <summary>
    /// Pretrains on <paramref name="data"/> for the configured epochs: shuffles with the seed
    /// seed + epoch, drops the last incomplete batch, reports progress, runs the monitors, writes
    /// metrics, checkpoints and plots to the output folder, and resumes from its last checkpoint
    /// when asked (<see cref="TrainingOptions.Resume"/>), exactly where it stopped, even mid-epoch.
    /// Before the first step it checks the output folder (writable, room for the checkpoints, no
    /// other run in it unless <see cref="TrainingOptions.Overwrite"/>), that the batch fits the data,
    /// and that a resumed checkpoint belongs to the same run (seed, batch size, dataset).
    /// Cancelling <paramref name="cancellationToken"/> stops after the current step, saves a
    /// resumable checkpoint of that position (when there is an output folder) and returns with
    /// <see cref="FitResult.Interrupted"/> set; calling <c>Fit</c> again on the same trainer also continues.
    /// Without a token of its own, <c>Fit</c> observes the <see cref="StopSignals"/> listening now, if any.
    /// </summary>
    /// <remarks>
    /// <paramref name="data"/> is an in-memory <see cref="Dataset{TBatch}"/> or a source that streams from disk
    /// (<see cref="ImageFolder"/>, <see cref="TableSource"/>, ...): a resumed epoch starts reading at the batch where
    /// it stopped, without decoding the ones before.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The dataset holds fewer samples than one batch, the batch is too small for the loss (one sample, no negatives),
    /// or its images are not of the channels and size the task declares in <c>[ImageInput]</c>.
    /// </exception>
    /// <exception cref="NonFiniteLossException">A loss became NaN or infinite; the exception names the last checkpoint that verifies.</exception>
    /// <exception cref="OutputDirectoryException">The output folder holds another run, cannot be written, is a file, or its disk is too full.</exception>
    /// <exception cref="ResumeException">Resume found no checkpoint that loads, or one of a run with another seed, batch size or dataset.</exception>
    /// <exception cref="CheckpointMismatchException">The checkpoint given by <see cref="TrainingOptions.ResumeFrom"/> cannot be used.</exception>
    public FitResult Fit(IDataSource<TBatch> data, CancellationToken cancellationToken = default) =>
        FailingTogether(() => FitCore(data, cancellationToken));

    private FitResult FitCore(IDataSource<TBatch> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken = StopSignals.Or(cancellationToken);
        int batchSize = Settings.BatchSize;
        long fullBatches = EpochRequest(0).BatchCount(data.Count);
        if (fullBatches == 0)
        {
            throw new ArgumentException(
                $"Dataset '{data.Name}' holds {data.Count} samples, fewer than one batch of {batchSize}. Lower the batch size ({Names[nameof(TrainingOptions.BatchSize)]}) or add data.",
                nameof(data));
        }

        // With gradient accumulation an epoch is a whole number of windows of AccumulateSteps batches.
        long updates = Options.MaxStepsPerEpoch is int max ? Math.Min(max, fullBatches / AccumulateSteps) : fullBatches / AccumulateSteps;
        if (updates == 0)
        {
            throw new ArgumentException(
                $"Dataset '{data.Name}' holds {data.Count} samples, fewer than one accumulated update of {AccumulateSteps} batches of {batchSize}. Lower Training.AccumulateSteps or the batch size, or add data.",
                nameof(data));
        }

        _stepsPerEpoch = updates * AccumulateSteps;
        TotalSteps = updates * Settings.Epochs;
        var clock = Stopwatch.StartNew();
        int resumedFrom = CompletedEpochs;

        // Every rank reads the checkpoints to resume from; only rank 0 writes to the output folder.
        var readStore = Options.OutputDirectory is null ? null : new CheckpointStore(Path.Combine(Options.OutputDirectory, "checkpoints"));
        string? outDir = IsMainRank ? Options.OutputDirectory : null;
        var store = IsMainRank ? readStore : null;
        _store = readStore;
        bool resume = Options.Resume || Options.ResumeFrom is not null;
        bool continuing = _ownsOutput || GlobalStep > 0 || CompletedEpochs > 0 || _position is not null;
        _fitRun = CurrentRun(data);
        if (outDir is not null)
        {
            PrepareOutput(outDir, store!, newRun: !resume && !continuing);
        }

        if (store is not null && store.CleanLeftovers() is int cleaned and > 0)
        {
            Log($"Removed {cleaned} unfinished temporary checkpoint file(s) from {store.Directory}.");
        }

        string? resumedFile = resume && !continuing ? ResumeRun(readStore) : null;
        CheckResumedRun();
        BroadcastState();
        if (resumedFile is not null)
        {
            resumedFrom = CompletedEpochs;
            Log($"Resumed '{Settings.TaskName}' from {resumedFile} {Position()} (step {GlobalStep}).");
        }
        _fitData = data;
        // A new run starts its metric files; a resumed or continued one appends to them, never cutting them back.
        using var metrics = outDir is null ? null : new MetricsWriter(outDir, _history, GlobalStep, Options.TensorBoard, append: resume || continuing);
        var progress = Options.ShowProgress && IsMainRank ? new ConsoleProgress(Options.Log) : null;
        bool interrupted = false;
        try
        {
            for (int epoch = CompletedEpochs; epoch < Settings.Epochs; epoch++)
            {
                var state = _position is { } saved && saved.Epoch == epoch ? saved : new EpochProgress(epoch);
                _position = null;
                if (Agree(cancellationToken.IsCancellationRequested, passOver: false).Stop)
                {
                    interrupted = true;
                    _position = state.BatchesDone > 0 ? state : null;
                    break;
                }

                interrupted = !RunEpoch(data, state, metrics, progress, cancellationToken);
                if (interrupted)
                {
                    _position = state.BatchesDone > 0 ? state : null;
                    break;
                }

                EndEpoch(state, metrics, progress, store);
            }
        }
        catch
        {
            _fitData = null;
            throw;
        }
        finally
        {
            metrics?.Flush();
        }

        string? checkpoint = _lastCheckpoint;
        if (interrupted)
        {
            string at = _position is { } p ? $"in epoch {p.Epoch + 1} after batch {p.BatchesDone} of {_stepsPerEpoch}" : $"after epoch {CompletedEpochs}";
            if (store is not null)
            {
                SaveCheckpoint(store.Last);
                checkpoint = store.Last;
                Log($"Training of '{Settings.TaskName}' cancelled {at} (step {GlobalStep}); saved {store.Last}. Run again with {Names.Set(nameof(TrainingOptions.Resume))} to continue exactly there.");
            }
            else
            {
                Log($"Training of '{Settings.TaskName}' cancelled {at} (step {GlobalStep}); no OutputDirectory, so nothing was saved. Call Fit again on this trainer to continue.");
            }
        }

        try
        {
            RunEndMonitors();
            if (outDir is not null && Options.WritePlots)
            {
                WritePlots(outDir);
            }

            if (outDir is not null && Options.TensorBoard && Options.TensorBoardEmbeddings > 0)
            {
                WriteProjector(outDir, data);
            }
        }
        finally
        {
            _fitData = null;
        }

        return new FitResult(_history.ToArray(), clock.Elapsed.TotalSeconds, resumedFrom)
        {
            Interrupted = interrupted,
            SkippedBatches = _skippedBatches,
            Checkpoint = checkpoint,
        };
    }

    /// <summary>The batches of epoch <paramref name="epoch"/> (0-based): shuffled with seed + epoch, full batches only.</summary>
    /// <remarks>Each rank reads its shard of the order in batches of <see cref="LocalBatchSize"/>; together the ranks' batches of one step are the batch a single process would read.</remarks>
    private BatchRequest EpochRequest(int epoch) =>
        new(LocalBatchSize) { Shuffle = true, Seed = Settings.Seed + epoch, DropLast = true, Shard = Shard };

    /// <summary>Runs (the rest of) one epoch; false when cancelled before its end.</summary>
    private bool RunEpoch(IDataSource<TBatch> data, EpochProgress state, MetricsWriter? metrics, ConsoleProgress? progress, CancellationToken cancellationToken)
    {
        int epoch = state.Epoch;
        var epochClock = Stopwatch.StartNew();
        progress?.Begin($"[{Settings.TaskName}] epoch {epoch + 1}/{Settings.Epochs}", _stepsPerEpoch, state.BatchesDone);
        long samplesAtStart = state.Samples;

        // A resumed epoch starts at the batch where it stopped: the order depends only on seed + epoch.
        using var batches = data.Batches(EpochRequest(epoch) with { FirstBatch = state.BatchesDone }).GetEnumerator();

        while (state.BatchesDone < _stepsPerEpoch)
        {
            // Cancellation waits for the end of an accumulation window: a checkpoint holds no half-summed gradient.
            bool cancelled = cancellationToken.IsCancellationRequested && PendingBatches == 0;
            using var scope = torch.NewDisposeScope();
            if (!cancelled && !batches.MoveNext())
            {
                break;
            }

            // Ranks agree, so that all stop or all pass over an empty batch together.
            var (stop, passOver) = Agree(cancelled, passOver: !cancelled && batches.Current.Count == 0);
            if (stop)
            {
                state.PriorSeconds += epochClock.Elapsed.TotalSeconds;
                progress?.End("cancelled");
                return false;
            }

            if (passOver)
            {
                // Every file of this batch was skipped under the source's bad-file policy.
                state.BatchesDone++;
                continue;
            }

            var batch = batches.Current.To(Device);
            var outcome = StepCore(batch, epoch + 1);
            state.BatchesDone++;
            if (outcome.Applied)
            {
                state.LossSum += outcome.Loss;
                foreach (var (name, value) in outcome.Terms)
                {
                    state.TermSums[name] = state.TermSums.GetValueOrDefault(name) + value;
                }

                state.Steps++;
                state.Samples += batch.Count * _collectives.WorldSize;
            }

            if (outcome.Update is var (stepLoss, stepTerms))
            {
                double lr = Optimizer.LearningRate;
                metrics?.WriteStep(GlobalStep, epoch + 1, stepLoss, stepTerms, lr);
                StepCompleted?.Invoke(this, new StepMetrics(GlobalStep, epoch + 1, state.BatchesDone, stepLoss, stepTerms, lr));
            }

            progress?.Report(state.BatchesDone, state.Steps > 0 ? state.LossSum / state.Steps : double.NaN, state.Samples - samplesAtStart);
        }

        // A window left unfinished by a skipped batch does not carry over into the next epoch.
        if (DropWindow(Optimizer))
        {
            Log($"[{Settings.TaskName}] dropped the gradients of an unfinished accumulation window at the end of epoch {epoch + 1}.");
        }

        state.PriorSeconds += epochClock.Elapsed.TotalSeconds;
        return true;
    }

    private void EndEpoch(EpochProgress state, MetricsWriter? metrics, ConsoleProgress? progress, CheckpointStore? store)
    {
        double seconds = state.PriorSeconds;
        var epochMetrics = new EpochMetrics(
            state.Epoch + 1,
            state.Steps,
            state.Steps > 0 ? state.LossSum / state.Steps : double.NaN,
            state.TermSums.ToDictionary(kv => kv.Key, kv => kv.Value / Math.Max(1, state.Steps)),
            Optimizer.LearningRate,
            seconds,
            seconds > 0 ? state.Samples / seconds : 0);
        CompletedEpochs = state.Epoch + 1;
        ReportCommunication(epochMetrics);
        RunEpochMonitors(epochMetrics);
        EpochCompleted?.Invoke(this, epochMetrics);
        _history.Add(epochMetrics);
        metrics?.WriteEpoch(epochMetrics);
        progress?.End(Summary(epochMetrics));

        if (store is not null && Options.CheckpointEvery > 0 &&
            (CompletedEpochs % Options.CheckpointEvery == 0 || CompletedEpochs == Settings.Epochs))
        {
            bool best = epochMetrics.Loss < _bestLoss;
            if (best)
            {
                _bestLoss = epochMetrics.Loss;
            }

            SaveCheckpoint(store.Last);
            if (best)
            {
                store.PromoteLastToBest();
            }

            store.KeepEpoch(CompletedEpochs, Options.KeepEpochCheckpoints);
        }
    }

    private static string Summary(EpochMetrics m)
    {
        var c = CultureInfo.InvariantCulture;
        string extras = string.Concat(m.Extra.Select(kv => string.Create(c, $" {kv.Key} {kv.Value:G4}")));
        return string.Create(c, $"loss {m.Loss:F4} lr {m.LearningRate:G3} {m.SamplesPerSecond:F0} samples/s {ConsoleProgress.FormatTime(m.Seconds)}{extras}");
    }

    private static void ValidateSettings(TrainingSettings s)
    {
        if (s.BatchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainingSettings.BatchSize), s.BatchSize, $"Task '{s.TaskName}': the batch size is {s.BatchSize}; it must be at least 1.");
        }

        if (s.Epochs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainingSettings.Epochs), s.Epochs, $"Task '{s.TaskName}': the epoch count is {s.Epochs}; it must be at least 1.");
        }

        if (!(s.Optimizer.LearningRate > 0) || double.IsInfinity(s.Optimizer.LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(OptimizerSettings.LearningRate), s.Optimizer.LearningRate, $"Task '{s.TaskName}': the learning rate is {s.Optimizer.LearningRate}; it must be a finite number > 0.");
        }

        if (s.AccumulateSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainingSettings.AccumulateSteps), s.AccumulateSteps, $"Task '{s.TaskName}': the accumulation is {s.AccumulateSteps} batches; it must be at least 1 (1 updates after every batch).");
        }

        if (!(s.GradientClip >= 0) || double.IsInfinity(s.GradientClip))
        {
            throw new ArgumentOutOfRangeException(nameof(TrainingSettings.GradientClip), s.GradientClip, $"Task '{s.TaskName}': the gradient clip is {s.GradientClip}; it must be a finite number >= 0 (0 disables clipping).");
        }
    }

    private void Log(string message)
    {
        if (IsMainRank)
        {
            (Options.Log ?? Console.Out).WriteLine(message);
        }
    }

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
            StopWatchingNumerics();
            _mixedPrecision?.Dispose();
            _optimizer?.Dispose();
            Network.Dispose();
        }
    }
}
