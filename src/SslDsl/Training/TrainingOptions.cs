using System;
using System.Collections.Generic;
using System.IO;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Run-time overrides of a task's declared defaults, and where and how a run reports. Every
/// property left null keeps the value the attributes declare.
/// </summary>
public sealed class TrainingOptions
{
    /// <summary>Epochs (overrides <see cref="TrainingAttribute.Epochs"/>); must be &gt; 0.</summary>
    public int? Epochs { get; init; }

    /// <summary>Batch size (overrides <see cref="TrainingAttribute.BatchSize"/>); must be &gt; 0.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Seed (overrides <see cref="TrainingAttribute.Seed"/>).</summary>
    public long? Seed { get; init; }

    /// <summary>Base learning rate (overrides <see cref="OptimizerAttribute.LearningRate"/>); must be &gt; 0.</summary>
    public double? LearningRate { get; init; }

    /// <summary>
    /// The arithmetic of the network's forward pass (overrides <see cref="TrainingAttribute.Precision"/>):
    /// <see cref="TrainingPrecision.MixedBFloat16"/> runs convolutions and linear layers in bfloat16 (libtorch's
    /// autocast), <see cref="TrainingPrecision.Auto"/> does so where the CPU computes bfloat16 natively.
    /// </summary>
    public TrainingPrecision? Precision { get; init; }

    /// <summary>The device; null picks CUDA when available, else the CPU.</summary>
    public Device? Device { get; init; }

    /// <summary>Folder for metrics, checkpoints and plots; null writes nothing to disk.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Draw a progress bar on the console (a line per epoch when output is redirected).</summary>
    public bool ShowProgress { get; init; } = true;

    /// <summary>Where progress and messages go; null means the console.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Stop each epoch after this many steps (smoke runs); null runs whole epochs.</summary>
    public int? MaxStepsPerEpoch { get; init; }

    /// <summary>Save a checkpoint every this many epochs (needs <see cref="OutputDirectory"/>); 0 saves none.</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>
    /// Continue the run in <see cref="OutputDirectory"/> from <c>checkpoints/last.ckpt</c>: network,
    /// optimizer, schedule position, random generators, metrics history and, after a cancelled run,
    /// the position inside the interrupted epoch. When <c>last.ckpt</c> is missing or damaged, the
    /// newest checkpoint that loads (<c>best.ckpt</c>, <c>epoch-NNNN.ckpt</c>) is used instead, with a
    /// warning; when none loads, <c>Fit</c> throws <see cref="ResumeException"/> (it never starts over
    /// by itself). Metrics are appended to the files already there. The checkpoint's run settings
    /// (seed, batch size, dataset) must match this run's.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>
    /// Continue from this checkpoint file (of any folder) instead of the newest one in
    /// <see cref="OutputDirectory"/>; metrics and new checkpoints still go to <see cref="OutputDirectory"/>.
    /// Implies <see cref="Resume"/>, without falling back to another file when it does not load.
    /// </summary>
    public string? ResumeFrom { get; init; }

    /// <summary>
    /// Start a new run in an <see cref="OutputDirectory"/> that holds another run's checkpoints or
    /// metrics, deleting them (and its plots) first. Without it (or <see cref="Resume"/>) such a
    /// folder is refused with <see cref="OutputDirectoryException"/>, so no run is lost by accident.
    /// </summary>
    public bool Overwrite { get; init; }

    /// <summary>
    /// How messages name the settings: API properties by default; a command-line program passes
    /// <see cref="SettingNames.CommandLine"/> so that its users read the options they type.
    /// </summary>
    public SettingNames Names { get; init; } = SettingNames.Api;

    /// <summary>
    /// Besides <c>last.ckpt</c> and <c>best.ckpt</c>, keep the checkpoints of the last this-many
    /// saved epochs as <c>epoch-NNNN.ckpt</c>; 0 (the default) keeps none. Must be &gt;= 0.
    /// </summary>
    public int KeepEpochCheckpoints { get; init; }

    /// <summary>What to do when a step's loss (or gradient norm) is NaN or infinite; the default stops.</summary>
    public NonFiniteLossPolicy OnNonFiniteLoss { get; init; } = NonFiniteLossPolicy.Stop;

    /// <summary>
    /// With <see cref="NonFiniteLossPolicy.SkipBatch"/>: how many bad batches a run may skip in all
    /// before it stops as with <see cref="NonFiniteLossPolicy.Stop"/>. Must be &gt;= 0.
    /// </summary>
    public int MaxSkippedBatches { get; init; } = 10;

    /// <summary>
    /// The representation-collapse monitor run after every epoch (embedding std and effective rank
    /// on the first training samples, with a warning when they collapse); null turns it off.
    /// </summary>
    public CollapseMonitor? CollapseMonitor { get; init; } = new CollapseMonitor();

    /// <summary>
    /// Further monitors run after every epoch (for example <see cref="KnnMonitor{TBatch}"/> or
    /// <see cref="EmbeddingPlotMonitor{TBatch}"/>); they add their measurements to <see cref="EpochMetrics.Extra"/>.
    /// </summary>
    public IList<ITrainingMonitor> Monitors { get; init; } = new List<ITrainingMonitor>();

    /// <summary>Write PNG plots (loss, monitors) to <see cref="OutputDirectory"/> when a run ends.</summary>
    public bool WritePlots { get; init; } = true;

    /// <summary>
    /// Diagnosis mode for NaN and infinity: every step follows the outputs and gradients of each leaf
    /// module and the parameters after the update, and a non-finite value stops training with a
    /// message naming the first module whose output or gradient became non-finite (see
    /// <see cref="NumericsWatch"/>). Slower and uses more memory; off by default. Without it a step still
    /// stops (or skips, per <see cref="OnNonFiniteLoss"/>) when its loss or gradient is non-finite.
    /// </summary>
    public bool CheckNumerics { get; init; }

    /// <summary>
    /// How CPU convolutions are protected from a libtorch back end that computes wrong gradients on some
    /// CPUs; null uses the environment variable <c>SSLDSL_CONVOLUTIONS</c>, else
    /// <see cref="ConvolutionBackendPolicy.Verify"/>. See docs/numerics.md.
    /// </summary>
    public ConvolutionBackendPolicy? Convolutions { get; init; }

    /// <summary>
    /// Write a TensorBoard log beside the metric files (needs <see cref="OutputDirectory"/>; view it with
    /// <c>tensorboard --logdir OUT/tensorboard</c>): pretraining writes the run <c>pretrain</c> (step losses
    /// and learning rate, epoch metrics with the monitors' measurements, and when it ends the projector data of
    /// the final embeddings of the first <see cref="TensorBoardEmbeddings"/> training samples); fine-tuning
    /// writes the run <c>fine-tune</c> (loss and learning rate per epoch, final accuracies). On by default.
    /// </summary>
    public bool TensorBoard { get; init; } = true;

    /// <summary>
    /// The ranks to train with; null (the default) takes those this process was started with
    /// (<see cref="SslDsl.Collectives.For"/>): a process on its own trains alone, and each of the N processes
    /// that <c>mpiexec -n N</c> starts trains one part of every batch (data parallelism; docs/distributed.md).
    /// </summary>
    public ICollectives? Collectives { get; init; }

    /// <summary>
    /// When several ranks train: normalise every batch-norm layer of the network (BatchNorm1d, 2d, 3d, the user's
    /// included, without changing their declaration) with the statistics of the whole global batch
    /// (<see cref="SslDsl.SyncBatchNorm"/>, PyTorch's <c>SyncBatchNorm</c>), so that N ranks of B/N train as one
    /// process of B. On by default, as in solo-learn's pretraining; false normalises with each rank's own samples, as
    /// DistributedDataParallel does without <c>SyncBatchNorm</c> (one message less per layer and step). No effect
    /// on one process.
    /// </summary>
    public bool SyncBatchNorm { get; init; } = true;

    /// <summary>
    /// When several ranks train over MPI: how long one collective may wait for the other ranks before this rank
    /// prints one line naming itself and the collective and aborts the whole job (<c>MPI_Abort</c>, exit code
    /// <see cref="MpiCollectives.TimeoutExitCode"/>), so that a rank that hangs (a stuck data reader) or died never
    /// leaves the others waiting forever. Null keeps the process's limit: the environment variable
    /// <c>SSLDSL_COLLECTIVE_TIMEOUT</c> (seconds), else <see cref="MpiCollectives.DefaultTimeout"/> (30 minutes, as
    /// <c>torch.distributed</c>). Must be &gt; 0; it must exceed the longest time one rank works alone between two
    /// collectives (rank 0 writing a checkpoint, the monitors).
    /// </summary>
    public TimeSpan? CollectiveTimeout { get; init; }

    /// <summary>How many training samples' final embeddings (with their labels) the TensorBoard projector gets; 0 writes none. Must be &gt;= 0.</summary>
    public int TensorBoardEmbeddings { get; init; } = 1000;

    /// <summary>
    /// Checks every value and throws <see cref="ArgumentOutOfRangeException"/> naming the option,
    /// the value and the allowed range.
    /// </summary>
    public void Validate()
    {
        if (Epochs is int e && e <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), e, $"TrainingOptions.Epochs is {e}; it must be at least 1 (or null to keep the declared value).");
        }

        if (BatchSize is int b && b <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), b, $"TrainingOptions.BatchSize is {b}; it must be at least 1 (or null to keep the declared value).");
        }

        if (LearningRate is double lr && !(lr > 0 && !double.IsInfinity(lr)))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), lr, $"TrainingOptions.LearningRate is {lr}; it must be a finite number > 0.");
        }

        if (MaxStepsPerEpoch is int m && m <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxStepsPerEpoch), m, $"TrainingOptions.MaxStepsPerEpoch is {m}; it must be at least 1 (or null for whole epochs).");
        }

        if (CheckpointEvery < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), CheckpointEvery, $"TrainingOptions.CheckpointEvery is {CheckpointEvery}; it must be >= 0 (0 saves no checkpoints).");
        }

        if (KeepEpochCheckpoints < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(KeepEpochCheckpoints), KeepEpochCheckpoints, $"TrainingOptions.KeepEpochCheckpoints is {KeepEpochCheckpoints}; it must be >= 0 (0 keeps only last and best).");
        }

        if (!Enum.IsDefined(OnNonFiniteLoss))
        {
            throw new ArgumentOutOfRangeException(nameof(OnNonFiniteLoss), OnNonFiniteLoss, $"TrainingOptions.OnNonFiniteLoss is {(int)OnNonFiniteLoss}; use NonFiniteLossPolicy.Stop or NonFiniteLossPolicy.SkipBatch.");
        }

        if (Precision is { } precision && !Enum.IsDefined(precision))
        {
            throw new ArgumentOutOfRangeException(nameof(Precision), precision, $"TrainingOptions.Precision is {(int)precision}; use TrainingPrecision.Float32, MixedBFloat16 or Auto (or null to keep the declared value).");
        }

        if (Convolutions is { } policy && !Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(Convolutions), policy, $"TrainingOptions.Convolutions is {(int)policy}; use ConvolutionBackendPolicy.Verify, Native or Trust.");
        }

        if (MaxSkippedBatches < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSkippedBatches), MaxSkippedBatches, $"TrainingOptions.MaxSkippedBatches is {MaxSkippedBatches}; it must be >= 0.");
        }

        if (TensorBoardEmbeddings < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TensorBoardEmbeddings), TensorBoardEmbeddings, $"TrainingOptions.TensorBoardEmbeddings is {TensorBoardEmbeddings}; it must be >= 0 (0 writes no projector data).");
        }

        if (CollectiveTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CollectiveTimeout), timeout, $"TrainingOptions.CollectiveTimeout is {timeout}; it must be > 0 (or null to keep SSLDSL_COLLECTIVE_TIMEOUT or the default of 30 minutes).");
        }

        if (Monitors is null)
        {
            throw new ArgumentNullException(nameof(Monitors), "TrainingOptions.Monitors is null; leave it empty for no extra monitors.");
        }

        for (int i = 0; i < Monitors.Count; i++)
        {
            if (Monitors[i] is null)
            {
                throw new ArgumentNullException(nameof(Monitors), $"TrainingOptions.Monitors[{i}] is null.");
            }
        }

        if (Resume && OutputDirectory is null)
        {
            throw new ArgumentException("TrainingOptions.Resume needs an OutputDirectory holding the checkpoints to resume from.", nameof(Resume));
        }

        if (ResumeFrom is { Length: 0 })
        {
            throw new ArgumentException("TrainingOptions.ResumeFrom is empty; give a checkpoint file, or null to resume from OutputDirectory.", nameof(ResumeFrom));
        }

        if (Overwrite && (Resume || ResumeFrom is not null))
        {
            throw new ArgumentException("TrainingOptions.Overwrite starts a new run and cannot be combined with Resume or ResumeFrom, which continue one.", nameof(Overwrite));
        }

        if (Names is null)
        {
            throw new ArgumentNullException(nameof(Names), "TrainingOptions.Names is null; leave it at SettingNames.Api.");
        }
    }
}
