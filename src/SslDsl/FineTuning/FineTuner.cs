using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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

    /// <summary>Trains on <paramref name="train"/> and, when given, evaluates on <paramref name="test"/>.</summary>
    /// <exception cref="ArgumentException">The data carry no labels, or a label is outside [0, Classes).</exception>
    public FineTuneResult Fit(Dataset<TBatch> train, Dataset<TBatch>? test = null)
    {
        RequireLabels(train);
        var clock = Stopwatch.StartNew();
        _tensorBoard = Options.OutputDirectory is string dir && Options.TensorBoard
            ? new TensorBoardLog(TensorBoardLog.RunDirectory(dir, TensorBoardLog.FineTuneRun))
            : null;
        var losses = Settings.Mode == FineTuneMode.LinearProbe ? FitLinearProbe(train) : FitEndToEnd(train);
        var trainEval = Evaluate(train);
        var testEval = test is null ? null : Evaluate(test);
        WriteEvaluations(losses.Count, trainEval, testEval);
        var result = new FineTuneResult(Settings.Mode, losses, trainEval, testEval, clock.Elapsed.TotalSeconds);
        if (Options.ShowProgress)
        {
            string testText = testEval is null ? "" : FormattableString.Invariant($", test accuracy {testEval.Accuracy:P2}");
            Log(FormattableString.Invariant($"[fine-tune {Settings.Mode}] train accuracy {trainEval.Accuracy:P2}{testText} ({ConsoleProgress.FormatTime(result.Seconds)})"));
        }

        return result;
    }

    private void RequireLabels(Dataset<TBatch> data)
    {
        if (data.Labels is null)
        {
            throw new ArgumentException($"Dataset '{data.Name}' has no labels; fine-tuning needs labelled data.", nameof(data));
        }

        using var scope = torch.NewDisposeScope();
        long min = data.Labels.min().item<long>();
        long max = data.Labels.max().item<long>();
        if (min < 0 || max >= Settings.Classes)
        {
            throw new ArgumentException($"Dataset '{data.Name}' has labels in [{min}, {max}]; the task declares {Settings.Classes} classes (labels 0..{Settings.Classes - 1}).", nameof(data));
        }
    }

    /// <summary>Encoder features of every sample (frozen encoder, eval mode), on the CPU.</summary>
    public Tensor Features(Dataset<TBatch> data)
    {
        _encoder.eval();
        var parts = new List<Tensor>();
        using (torch.no_grad())
        {
            using var e = data.Batches(1024).GetEnumerator();
            while (true)
            {
                using var scope = torch.NewDisposeScope();
                if (!e.MoveNext())
                {
                    break;
                }

                var batch = e.Current.To(Device);
                parts.Add(Pool(_encoder.forward(PrepareInputs(batch)), batch).cpu().MoveToOuterDisposeScope());
            }
        }

        var all = torch.cat(parts, 0);
        foreach (var p in parts)
        {
            p.Dispose();
        }

        return all;
    }

    private List<double> FitLinearProbe(Dataset<TBatch> train)
    {
        // The encoder stays frozen because its features are computed once without gradients; its
        // parameters keep requires_grad, so probing a live encoder never stops its pretraining.
        using var features = Features(train);
        _featureMean?.Dispose();
        _featureStd?.Dispose();
        _featureMean = features.mean(new long[] { 0 }, keepdim: true).to(Device);
        _featureStd = features.std(0, keepdim: true).add_(1e-6).to(Device);
        using var featureSet = new Dataset<TabularBatch>(new[] { features.alias() }, train.Labels!.alias(), train.Name + "-features");
        var optimizer = new TrainingOptimizer(new OptimizerSettings(OptimizerKind.AdamW, Settings.LearningRate, 1e-4, 0.9), Head.parameters());
        return RunEpochs(featureSet, optimizer, b => Head.forward(Standardize(b.Features)), train: () => Head.train());
    }

    private List<double> FitEndToEnd(Dataset<TBatch> train)
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
        using var convolutionCheck = ConvolutionGuard.Watch(_encoder, Device, ConvolutionGuard.Resolve(Options.Convolutions), Options.Log);
        return RunEpochs(train, optimizer, b => Head.forward(Pool(_encoder.forward(PrepareInputs(b)), b)), train: () =>
        {
            _encoder.train();
            Head.train();
            foreach (var f in frozen)
            {
                f.eval();
            }
        });
    }

    private List<double> RunEpochs<TB>(Dataset<TB> data, TrainingOptimizer optimizer, Func<TB, Tensor> logits, Action train)
        where TB : IBatch<TB>
    {
        var losses = new List<double>();
        long stepsPerEpoch = data.BatchCount(BatchSize, dropLast: false);
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
                using var e = data.Batches(BatchSize, shuffle: true, seed: seed + 1000 + epoch).GetEnumerator();
                while (true)
                {
                    using var scope = torch.NewDisposeScope();
                    if (!e.MoveNext())
                    {
                        break;
                    }

                    var batch = e.Current.To(Device);
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
        return Head.forward(Standardize(Pool(_encoder.forward(PrepareInputs(b)), b)));
    }

    /// <summary>Accuracy and mean cross entropy on <paramref name="data"/>.</summary>
    public EvaluationResult Evaluate(Dataset<TBatch> data)
    {
        RequireLabels(data);
        _encoder.eval();
        Head.eval();
        long correct = 0;
        double lossSum = 0;
        long count = 0;
        using (torch.no_grad())
        {
            using var e = data.Batches(1024).GetEnumerator();
            while (true)
            {
                using var scope = torch.NewDisposeScope();
                if (!e.MoveNext())
                {
                    break;
                }

                var batch = e.Current.To(Device);
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
