using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Trains a linear classifier on top of an encoder with labels and reports accuracy:
/// <see cref="FineTuneMode.LinearProbe"/> (frozen encoder; features computed once and
/// standardized), <see cref="FineTuneMode.Full"/> (everything trains, the encoder at a scaled
/// learning rate) or <see cref="FineTuneMode.PartialUnfreeze"/> (the last N encoder blocks train).
/// Generated <c>FineTuner</c> classes derive from it and add the task's deterministic input
/// preparation; it also serves baselines (e.g. a flatten "encoder" = logistic regression on raw inputs).
/// </summary>
/// <typeparam name="TBatch">The batch type.</typeparam>
public class FineTuner<TBatch> : IDisposable
    where TBatch : IBatch<TBatch>
{
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private Tensor? _featureMean;
    private Tensor? _featureStd;
    private TensorBoardLog? _tensorBoard;

    /// <summary>Creates a fine-tuner over <paramref name="encoder"/>, which maps inputs to [B, <paramref name="encoderOutputDim"/>].</summary>
    /// <exception cref="ArgumentException">Fewer than two classes, or PartialUnfreeze without blocks to unfreeze.</exception>
    public FineTuner(nn.Module<Tensor, Tensor> encoder, int encoderOutputDim, FineTuneSettings settings, TrainingOptions? options = null)
    {
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Options = options ?? new TrainingOptions();
        Options.Validate();
        if (settings.Classes < 2)
        {
            throw new ArgumentException($"Fine-tuning needs at least 2 classes; {settings.Classes} were given.", nameof(settings));
        }

        if (settings.Mode == FineTuneMode.PartialUnfreeze && settings.UnfreezeLastLayers < 1)
        {
            throw new ArgumentException($"PartialUnfreeze needs UnfreezeLastLayers >= 1; it is {settings.UnfreezeLastLayers}.", nameof(settings));
        }

        if (encoderOutputDim <= 0)
        {
            throw new ArgumentException($"The encoder output width must be > 0; it is {encoderOutputDim}.", nameof(encoderOutputDim));
        }

        Device = Options.Device ?? Devices.Best();
        Devices.EnsureAvailable(Device, Options.Names[nameof(TrainingOptions.Device)]);
        EncoderOutputDim = encoderOutputDim;

        // The head's initial weights follow the seed; the global random state is left as it was,
        // so fine-tuning (or probing) between pretraining runs does not change their course.
        using (var saved = torch.random.get_rng_state())
        {
            torch.manual_seed(Options.Seed ?? 0);
            Head = nn.Linear(encoderOutputDim, settings.Classes);
            torch.random.set_rng_state(saved);
        }

        Head.to(Device);
        _encoder.to(Device);
        Probe = new ProbeSettings
        {
            LearningRates = new[] { settings.LearningRate, 4 * settings.LearningRate },
            Epochs = Options.Epochs ?? settings.Epochs,
            BatchSize = Options.BatchSize ?? 1024,
            Seed = Options.Seed ?? 0,
        };
    }

    /// <summary>The settings in force.</summary>
    public FineTuneSettings Settings { get; }

    /// <summary>The run-time options (device, seed, log, progress; <c>Epochs</c> and <c>BatchSize</c> override the fine-tune values).</summary>
    public TrainingOptions Options { get; }

    /// <summary>The device.</summary>
    public Device Device { get; }

    /// <summary>The encoder's output width.</summary>
    public int EncoderOutputDim { get; }

    /// <summary>The linear classifier.</summary>
    public Linear Head { get; }

    /// <summary>The encoder being fine-tuned (or probed).</summary>
    public nn.Module<Tensor, Tensor> Encoder => _encoder;

    private int Epochs => Options.Epochs ?? Settings.Epochs;

    private int BatchSize => Options.BatchSize ?? Settings.BatchSize;

    /// <summary>Turns a batch into the encoder's input (on <see cref="Device"/>); generated classes apply the task's deterministic transforms.</summary>
    protected virtual Tensor PrepareInputs(TBatch batch) => batch.Inputs;

    /// <summary>
    /// Turns the encoder's output into one feature vector per sample. The default flattens
    /// [B, ...] to [B, F]; text tasks, whose encoders return token states [B, L, D], pool them.
    /// </summary>
    protected virtual Tensor Pool(Tensor encoderOutput, TBatch batch) => encoderOutput.flatten(1);

    /// <summary>The encoder blocks, top-level children that hold parameters (descending through a single wrapper).</summary>
    public IReadOnlyList<nn.Module> Blocks()
    {
        nn.Module current = _encoder;
        while (true)
        {
            var children = current.children().Where(c => c.parameters().Any()).ToArray();
            if (children.Length == 1 && children[0].children().Any())
            {
                current = children[0];
                continue;
            }

            return children.Length == 0 ? new[] { current } : children;
        }
    }

    /// <summary>
    /// The fraction of the training data that <see cref="Fit(IDataSource{TBatch}, IDataSource{TBatch}?)"/> holds out
    /// as the validation split on which the linear probe chooses its learning rate and weight decay: the last samples
    /// of an in-memory <see cref="Dataset{TBatch}"/>, and samples drawn with the run's seed from a streaming source
    /// (whose file order may be sorted by class, as in a labelled image folder).
    /// </summary>
    public const double ValidationFraction = 1.0 / 12;

    /// <summary>
    /// The linear probe's grid and training settings (<see cref="FineTuneMode.LinearProbe"/>). By default the
    /// learning rates {lr, 4 lr} of the declared rate, <see cref="ProbeSettings"/>' weight decays {1e-4, 0.1, 1, 10},
    /// the declared (or overridden) epochs but at least <see cref="ProbeSettings.MinSteps"/> (500) steps, batches of
    /// 1,024 cached features (or the overridden batch size), and the run's seed.
    /// </summary>
    public ProbeSettings Probe { get; set; }

    /// <summary>
    /// Stops fine-tuning, feature extraction and evaluation between two batches with an
    /// <see cref="OperationCanceledException"/> once cancelled: pass <see cref="StopSignals.Token"/> so that Ctrl-C or
    /// SIGTERM also stop the phases after pretraining. When none is set, the <see cref="StopSignals"/> listening now
    /// (<see cref="StopSignals.Listening"/>), if any.
    /// </summary>
    public CancellationToken Cancellation
    {
        get => StopSignals.Or(_cancellation);
        set => _cancellation = value;
    }

    private CancellationToken _cancellation;

    /// <summary>
    /// Trains on <paramref name="train"/> and, when given, evaluates on <paramref name="test"/> once at the end.
    /// A linear probe holds out <see cref="ValidationFraction"/> of <paramref name="train"/> to choose
    /// its learning rate and weight decay, then trains on all of it.
    /// </summary>
    /// <exception cref="ArgumentException">The data carry no labels, or a label is outside [0, Classes).</exception>
    public FineTuneResult Fit(IDataSource<TBatch> train, IDataSource<TBatch>? test = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (Settings.Mode != FineTuneMode.LinearProbe)
        {
            return Fit(train, null, test);
        }

        long held = Math.Max(1, (long)Math.Round(train.Count * ValidationFraction));
        if (train.Count - held < 1)
        {
            throw new ArgumentException($"Dataset '{train.Name}' has {train.Count} sample(s): too few to hold out a validation split for the linear probe.", nameof(train));
        }

        var (fit, validation) = HoldOut(train, held);
        using (fit)
        using (validation)
        {
            return Fit(fit, validation, test);
        }
    }

    /// <summary>The fit and validation parts of <paramref name="train"/>: its tail in memory, a seeded draw from a streaming source.</summary>
    internal (IDataSource<TBatch> Fit, IDataSource<TBatch> Validation) HoldOut(IDataSource<TBatch> train, long held)
    {
        if (train is not StreamingSource<TBatch> streaming)
        {
            return (train.Slice(0, train.Count - held, train.Name + "-fit"), train.Slice(train.Count - held, held, train.Name + "-validation"));
        }

        using var generator = new Generator(unchecked((ulong)(Options.Seed ?? 0) + 104729));
        using var permutation = torch.randperm(train.Count, generator: generator);
        var order = permutation.data<long>().ToArray();
        var validation = order[..(int)held];
        var fit = order[(int)held..];
        Array.Sort(validation);
        Array.Sort(fit);
        return (streaming.Subset(fit, train.Name + "-fit"), streaming.Subset(validation, train.Name + "-validation"));
    }

    /// <summary>
    /// Trains on <paramref name="train"/>, chooses on <paramref name="validation"/> (the linear probe's learning rate
    /// and weight decay; for end-to-end modes it is only scored), and evaluates on <paramref name="test"/> once at the end.
    /// A linear probe's final head is trained on training + validation data.
    /// </summary>
    /// <exception cref="ArgumentException">The data carry no labels, or a label is outside [0, Classes).</exception>
    public FineTuneResult Fit(IDataSource<TBatch> train, IDataSource<TBatch>? validation, IDataSource<TBatch>? test)
    {
        RequireLabels(train);
        if (validation is not null)
        {
            RequireLabels(validation);
        }

        if (test is not null)
        {
            RequireLabels(test);
        }

        var clock = Stopwatch.StartNew();
        _tensorBoard = Options.OutputDirectory is string dir && Options.TensorBoard
            ? new TensorBoardLog(TensorBoardLog.RunDirectory(dir, TensorBoardLog.FineTuneRun))
            : null;
        if (Settings.Mode == FineTuneMode.LinearProbe)
        {
            return FitLinearProbe(train, validation ?? throw new ArgumentNullException(nameof(validation), "A linear probe needs a validation split to choose its learning rate and weight decay."), test, clock);
        }

        var losses = FitEndToEnd(train);
        var trainEval = Evaluate(train);
        var validationEval = validation is null ? null : Evaluate(validation);
        var testEval = test is null ? null : Evaluate(test);
        WriteEvaluations(losses.Count, trainEval, testEval);
        var result = new FineTuneResult(Settings.Mode, losses, trainEval, testEval, clock.Elapsed.TotalSeconds) { Validation = validationEval };
        if (Options.ShowProgress)
        {
            string validationText = validationEval is null ? "" : FormattableString.Invariant($", validation accuracy {validationEval.Accuracy:P2}");
            string testText = testEval is null ? "" : FormattableString.Invariant($", test accuracy {testEval.Accuracy:P2}");
            Log(FormattableString.Invariant($"[fine-tune {Settings.Mode}] train accuracy {trainEval.Accuracy:P2}{validationText}{testText} ({ConsoleProgress.FormatTime(result.Seconds)})"));
        }

        return result;
    }

    /// <summary>
    /// Checks that <paramref name="data"/> is labelled; an in-memory dataset's labels are checked against the
    /// classes here, a streaming source's as its batches are read (<see cref="CheckLabels"/>).
    /// </summary>
    private void RequireLabels(IDataSource<TBatch> data)
    {
        if (!data.IsLabelled)
        {
            throw new ArgumentException($"Dataset '{data.Name}' has no labels; fine-tuning needs labelled data.", nameof(data));
        }

        if (data is Dataset<TBatch> { Labels: { } labels })
        {
            CheckLabels(labels, data.Name);
        }
    }

    /// <summary>Throws when a label of <paramref name="labels"/> (from data <paramref name="dataName"/>) is outside [0, Classes).</summary>
    private void CheckLabels(Tensor labels, string dataName)
    {
        if (labels.numel() == 0)
        {
            return;
        }

        using var scope = torch.NewDisposeScope();
        long min = labels.min().item<long>();
        long max = labels.max().item<long>();
        if (min < 0 || max >= Settings.Classes)
        {
            throw new ArgumentException($"Dataset '{dataName}' has labels in [{min}, {max}]; the task declares {Settings.Classes} classes (labels 0..{Settings.Classes - 1}).", "data");
        }
    }

    /// <summary>Encoder features of every sample (frozen encoder, eval mode), on the CPU; progress is shown when <see cref="TrainingOptions.ShowProgress"/>.</summary>
    public Tensor Features(IDataSource<TBatch> data)
    {
        var features = FeaturesAndLabels(data);
        features.Labels?.Dispose();
        return features.Features;
    }

    /// <summary><see cref="Features"/> with the labels of the same samples (null when the data has none).</summary>
    private Embeddings FeaturesAndLabels(IDataSource<TBatch> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _encoder.eval();
        using var convolutionCheck = WatchConvolutions();
        var parts = new List<Tensor>();
        var labels = new List<Tensor>();
        var progress = Options.ShowProgress ? new ConsoleProgress(Options.Log) : null;
        var request = new BatchRequest(1024);
        progress?.Begin($"[features] {data.Name}", request.BatchCount(data.Count));
        long done = 0, samples = 0;
        using (torch.no_grad())
        {
            using var e = data.Batches(request).GetEnumerator();
            while (true)
            {
                Cancellation.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                if (!e.MoveNext())
                {
                    break;
                }

                if (e.Current.Count == 0)
                {
                    continue;
                }

                var batch = e.Current.To(Device);
                parts.Add(Pool(_encoder.call(PrepareInputs(batch)), batch).cpu().MoveToOuterDisposeScope());
                if (batch.Labels is { } batchLabels)
                {
                    labels.Add(batchLabels.to_type(ScalarType.Int64).cpu().MoveToOuterDisposeScope());
                }

                samples += batch.Count;
                progress?.Report(++done, double.NaN, samples, "images");
            }
        }

        progress?.End(FormattableString.Invariant($"{samples} samples, {parts.FirstOrDefault()?.shape[1] ?? 0} features"));
        var all = torch.cat(parts, 0);
        var allLabels = labels.Count > 0 && labels.Count == parts.Count ? torch.cat(labels, 0) : null;
        foreach (var p in parts.Concat(labels))
        {
            p.Dispose();
        }

        return new Embeddings(all, allLabels);
    }

    private FineTuneResult FitLinearProbe(IDataSource<TBatch> train, IDataSource<TBatch> validation, IDataSource<TBatch>? test, Stopwatch clock)
    {
        // The encoder stays frozen because its features are computed once without gradients; its
        // parameters keep requires_grad, so probing a live encoder never stops its pretraining.
        using var trainSet = LabelledFeatures(train);
        using var validationSet = LabelledFeatures(validation);
        using var testSet = test is null ? null : LabelledFeatures(test);
        using var trainFeatures = trainSet.Features.to(Device);
        using var validationFeatures = validationSet.Features.to(Device);
        using var testFeatures = testSet?.Features.to(Device);
        using var trainLabels = trainSet.Labels!.to(Device);
        using var validationLabels = validationSet.Labels!.to(Device);
        using var testLabels = testSet?.Labels!.to(Device);
        var probe = LinearProbe.Fit((trainFeatures, trainLabels), (validationFeatures, validationLabels),
            testFeatures is null ? null : (testFeatures, testLabels!), Settings.Classes, Probe, Options.ShowProgress ? Options.Log ?? Console.Out : null,
            cancellationToken: Cancellation,
            keepFinal: (head, mean, std) =>
            {
                using var noGrad = torch.no_grad();
                Head.weight!.copy_(head.weight!);
                Head.bias!.copy_(head.bias!);
                _featureMean?.Dispose();
                _featureStd?.Dispose();
                _featureMean = mean.clone().to(Device);
                _featureStd = std.clone().to(Device);
            });
        for (int i = 0; i < probe.Candidates.Count; i++)
        {
            _tensorBoard?.Scalar("probe/validation_accuracy", probe.Candidates[i].ValidationAccuracy, i);
        }

        for (int epoch = 0; epoch < probe.FinalEpochLosses.Count; epoch++)
        {
            _tensorBoard?.WriteEpoch(epoch + 1, new Dictionary<string, double> { ["loss"] = probe.FinalEpochLosses[epoch], ["lr"] = probe.FinalEpochLearningRates[epoch] });
        }

        WriteEvaluations(probe.FinalEpochLosses.Count, probe.Train, probe.Test);
        var validationResult = new EvaluationResult(probe.ValidationAccuracy, double.NaN, validation.Count);
        return new FineTuneResult(Settings.Mode, probe.FinalEpochLosses, probe.Train, probe.Test, clock.Elapsed.TotalSeconds)
        {
            Validation = validationResult,
            Probe = probe,
        };
    }

    /// <summary>The features and labels of labelled data, its labels checked against the classes.</summary>
    private Embeddings LabelledFeatures(IDataSource<TBatch> data)
    {
        var set = FeaturesAndLabels(data);
        CheckLabels(set.RequireLabels(data.Name), data.Name);
        return set;
    }

    private List<double> FitEndToEnd(IDataSource<TBatch> train)
    {
        var blocks = Blocks();
        var trainable = Settings.Mode == FineTuneMode.Full
            ? blocks
            : blocks.Skip(Math.Max(0, blocks.Count - Settings.UnfreezeLastLayers)).ToArray();
        foreach (var p in _encoder.parameters())
        {
            p.requires_grad = false;
        }

        foreach (var p in trainable.SelectMany(b => b.parameters()))
        {
            p.requires_grad = true;
        }

        var frozen = blocks.Except(trainable).ToArray();
        var groups = new[]
        {
            new ParameterGroup(Head.parameters().ToArray(), 1.0),
            new ParameterGroup(trainable.SelectMany(b => b.parameters()).ToArray(), Settings.EncoderLearningRateScale),
        };
        var optimizer = new TrainingOptimizer(new OptimizerSettings(OptimizerKind.AdamW, Settings.LearningRate, 1e-4, 0.9), groups);
        using var convolutionCheck = WatchConvolutions();
        return RunEpochs(train, optimizer, b => Head.call(Pool(_encoder.call(PrepareInputs(b)), b)), train: () =>
        {
            _encoder.train();
            Head.train();
            foreach (var f in frozen)
            {
                f.eval();
            }
        });
    }

    private List<double> RunEpochs(IDataSource<TBatch> data, TrainingOptimizer optimizer, Func<TBatch, Tensor> logits, Action train)
    {
        var losses = new List<double>();
        long stepsPerEpoch = new BatchRequest(BatchSize).BatchCount(data.Count);
        bool checkBatches = data is not Dataset<TBatch>;
        long total = stepsPerEpoch * Epochs;
        long step = 0;
        long seed = Options.Seed ?? 0;
        var schedule = new ScheduleSettings(ScheduleKind.Cosine, 0, 0, 30, 0.1);
        var progress = Options.ShowProgress ? new ConsoleProgress(Options.Log) : null;
        using (optimizer)
        {
            for (int epoch = 0; epoch < Epochs; epoch++)
            {
                train();
                progress?.Begin($"[fine-tune {Settings.Mode}] epoch {epoch + 1}/{Epochs}", stepsPerEpoch);
                double sum = 0;
                long n = 0;
                long samples = 0;
                using var e = data.Batches(new BatchRequest(BatchSize) { Shuffle = true, Seed = seed + 1000 + epoch }).GetEnumerator();
                while (true)
                {
                    Cancellation.ThrowIfCancellationRequested();
                    using var scope = torch.NewDisposeScope();
                    if (!e.MoveNext())
                    {
                        break;
                    }

                    if (e.Current.Count == 0)
                    {
                        continue;
                    }

                    var batch = e.Current.To(Device);
                    if (checkBatches)
                    {
                        CheckLabels(batch.Labels!, data.Name);
                    }

                    optimizer.SetLearningRateFactor(LearningRateSchedules.Factor(schedule, step++, total, stepsPerEpoch, Settings.LearningRate));
                    optimizer.ZeroGrad();
                    var loss = nn.functional.cross_entropy(logits(batch), batch.Labels!);
                    loss.backward();
                    optimizer.Step();
                    sum += loss.item<float>();
                    n++;
                    samples += batch.Count;
                    progress?.Report(n, sum / n, samples);
                }

                losses.Add(sum / Math.Max(1, n));
                _tensorBoard?.WriteEpoch(epoch + 1, new Dictionary<string, double> { ["loss"] = losses[^1], ["lr"] = optimizer.LearningRate });
                progress?.End(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"loss {losses[^1]:F4}"));
            }
        }

        return losses;
    }

    /// <summary>The final accuracies and losses as <c>eval/train_accuracy</c>, <c>eval/test_accuracy</c>, ... at the last epoch.</summary>
    private void WriteEvaluations(int epochs, EvaluationResult train, EvaluationResult? test)
    {
        _tensorBoard?.Scalar("eval/train_accuracy", train.Accuracy, epochs);
        _tensorBoard?.Scalar("eval/train_loss", train.Loss, epochs);
        if (test is not null)
        {
            _tensorBoard?.Scalar("eval/test_accuracy", test.Accuracy, epochs);
            _tensorBoard?.Scalar("eval/test_loss", test.Loss, epochs);
        }
    }

    private Tensor Standardize(Tensor features) =>
        _featureMean is null || _featureStd is null ? features : (features - _featureMean) / _featureStd;

    /// <summary>Class scores [B, Classes] for a batch.</summary>
    public Tensor Logits(TBatch batch)
    {
        var b = batch.To(Device);
        return Head.call(Standardize(Pool(_encoder.call(PrepareInputs(b)), b)));
    }

    /// <summary>The convolution check on the encoder (<see cref="ConvolutionGuard.Watch"/>) for one training or forward-only pass.</summary>
    private IDisposable? WatchConvolutions() =>
        ConvolutionGuard.Watch(_encoder, Device, ConvolutionGuard.Resolve(Options.Convolutions), Options.Log);

    /// <summary>Accuracy and mean cross entropy on <paramref name="data"/>.</summary>
    public EvaluationResult Evaluate(IDataSource<TBatch> data)
    {
        RequireLabels(data);
        _encoder.eval();
        Head.eval();
        using var convolutionCheck = WatchConvolutions();
        long correct = 0;
        double lossSum = 0;
        long count = 0;
        using (torch.no_grad())
        {
            using var e = data.Batches(new BatchRequest(1024)).GetEnumerator();
            while (true)
            {
                Cancellation.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                if (!e.MoveNext())
                {
                    break;
                }

                if (e.Current.Count == 0)
                {
                    continue;
                }

                var batch = e.Current.To(Device);
                if (data is not Dataset<TBatch>)
                {
                    CheckLabels(batch.Labels!, data.Name);
                }

                var logits = Logits(batch);
                correct += logits.argmax(1).eq(batch.Labels!).sum().item<long>();
                lossSum += nn.functional.cross_entropy(logits, batch.Labels!, reduction: nn.Reduction.Sum).item<float>();
                count += batch.Count;
            }
        }

        return new EvaluationResult(count > 0 ? correct / (double)count : 0, count > 0 ? lossSum / count : 0, count);
    }

    private void Log(string message) => (Options.Log ?? Console.Out).WriteLine(message);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the head and cached statistics (the encoder belongs to the caller).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Head.Dispose();
            _featureMean?.Dispose();
            _featureStd?.Dispose();
        }
    }
}
