namespace SslDsl.Generators;

/// <summary>One input of a multimodal task with what reads it.</summary>
/// <param name="Input">The input attribute.</param>
/// <param name="Encoder">Its encoder (an [Encoder] member whose Input names it).</param>
/// <param name="Projection">Its [Projection] (catalog defaults when the member declares none).</param>
/// <param name="Steps">The augmentations on the encoder member, in pipeline order.</param>
internal sealed record ModalitySide(AttributeModel Input, EncoderModel Encoder, AttributeModel Projection, EquatableArray<AttributeModel> Steps);

/// <summary>
/// A multimodal [PretextTask] (CLIP): two inputs, each with its encoder, augmentations and projection into one
/// shared embedding, contrasted by [ClipLoss]. <see cref="TaskModel.Encoder"/> is the first side's encoder (the one
/// fine-tuning, probes and monitors read).
/// </summary>
/// <param name="Type">Where the class is declared.</param>
/// <param name="TaskName">The task's name.</param>
/// <param name="Optimizer">[Optimizer].</param>
/// <param name="Schedule">[LearningRateSchedule].</param>
/// <param name="Training">[Training].</param>
/// <param name="FineTune">[FineTune] or null.</param>
/// <param name="First">The first side: the image input when there is one (the paired batch's First).</param>
/// <param name="Second">The second side.</param>
/// <param name="Loss">[ClipLoss].</param>
internal sealed record MultimodalTaskModel(
    TypeModel Type,
    string TaskName,
    AttributeModel Optimizer,
    AttributeModel Schedule,
    AttributeModel Training,
    AttributeModel? FineTune,
    ModalitySide First,
    ModalitySide Second,
    AttributeModel Loss)
    : TaskModel(Type, TaskName, First.Encoder, Optimizer, Schedule, Training, FineTune);
