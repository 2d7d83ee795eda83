using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The base of every generated <c>Trainer</c>: <see cref="PretextTrainer{TBatch}"/> with the task's typed
/// <typeparamref name="TModel"/> and <typeparamref name="TPipeline"/>. It holds what is the same for every
/// task (the model created after seeding, the network and encoder it exposes, the prepared inputs it
/// embeds, the pipeline state in checkpoints, disposal), so a generated Trainer holds only its
/// constructors, its objective and what its objectives add (momentum updates, an adversary's optimizer).
/// </summary>
/// <typeparam name="TBatch">The task's batch type.</typeparam>
/// <typeparam name="TModel">The task's Model (encoder and heads).</typeparam>
/// <typeparam name="TPipeline">The task's Pipeline.</typeparam>
public abstract class PretextTrainer<TBatch, TModel, TPipeline> : PretextTrainer<TBatch>
    where TBatch : IBatch<TBatch>
    where TModel : nn.Module<Tensor, Tensor>, ITaskModel, new()
    where TPipeline : ITaskPipeline<TPipeline>
{
    private readonly int _encoderOutputDim;

    // The generated Model is nested in the task class, which carries the input declaration.
    private readonly DeclaredImageInput? _declaredImages = DeclaredImageInput.On(typeof(TModel).DeclaringType);

    /// <summary>Resolves the settings, seeds torch, then creates the model (unless given) and the pipeline on <see cref="PretextTrainer{TBatch}.Device"/>.</summary>
    /// <param name="declared">The task's declared training settings.</param>
    /// <param name="encoderOutputDim">The width of the encoder's representation.</param>
    /// <param name="model">An existing model, or null for a new one (initialized after seeding, so runs repeat).</param>
    /// <param name="options">Run-time overrides; null keeps the declared values.</param>
    protected PretextTrainer(TrainingSettings declared, int encoderOutputDim, TModel? model, TrainingOptions? options)
        : base(declared, options)
    {
        _encoderOutputDim = encoderOutputDim;
        Model = model ?? new TModel();
        Model.to(Device);
        Pipeline = TPipeline.Create(Device, RankSeed(Settings.Seed));
    }

    /// <summary>The model being trained.</summary>
    public TModel Model { get; }

    /// <summary>The augmentation pipeline.</summary>
    public TPipeline Pipeline { get; }

    /// <inheritdoc />
    public override nn.Module Network => Model;

    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> Encoder => Model.Encoder;

    /// <inheritdoc />
    public override int EncoderOutputDim => _encoderOutputDim;

    /// <summary>Checks images against the task's <c>[ImageInput]</c> (other inputs are not checked here).</summary>
    private protected override void CheckInputs(TBatch batch) => _declaredImages?.Check(batch.Inputs, Settings.TaskName);

    /// <summary>The parameters the total loss trains: every trainable one of the model that <see cref="TrainsWithTotalLoss"/> accepts.</summary>
    protected override IReadOnlyList<ParameterGroup> ParameterGroups() => new[]
    {
        new ParameterGroup(Model.named_parameters().Where(p => p.parameter.requires_grad && TrainsWithTotalLoss(p.name)).Select(p => p.parameter).ToArray()),
    };

    /// <summary>Whether the parameter named <paramref name="parameterName"/> is trained by the total loss (false for a module with its own optimizer).</summary>
    protected virtual bool TrainsWithTotalLoss(string parameterName) => true;

    /// <inheritdoc />
    protected override Tensor PrepareForEmbedding(TBatch batch) => TPipeline.Prepare(batch.Inputs);

    /// <summary>Writes the state of the pipeline's generators, so a resumed run draws the same augmentations.</summary>
    protected override void SaveExtraState(BinaryWriter writer)
    {
        foreach (var generator in Pipeline.Generators)
        {
            CheckpointFile.WriteBytes(writer, generator.get_state());
        }
    }

    /// <summary>
    /// Reads what <see cref="SaveExtraState"/> wrote (rank 0's generators). Ranks other than 0 then reseed
    /// theirs from it and their rank (<see cref="PretextTrainer{TBatch}.RankSeed"/>), so that they keep drawing
    /// other augmentations than rank 0: a resumed data-parallel run repeats rank 0's augmentations exactly,
    /// the other ranks' ones only in distribution.
    /// </summary>
    protected override void LoadExtraState(BinaryReader reader)
    {
        foreach (var generator in Pipeline.Generators)
        {
            using var state = CheckpointFile.ReadBytes(reader);
            generator.set_state(state);
            if (!IsMainRank)
            {
                generator.manual_seed(RankSeed(StateSeed(state)));
            }
        }
    }

    /// <summary>A seed drawn from a generator's saved state (FNV-1a over its bytes).</summary>
    private static long StateSeed(Tensor state)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in state.data<byte>().ToArray())
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return unchecked((long)hash);
    }

    /// <summary>Releases the pipeline, then the optimizer and the network.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Pipeline.Dispose();
        }

        base.Dispose(disposing);
    }
}
