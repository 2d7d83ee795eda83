using System;
using System.Reflection;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// The images a task declares with <c>[ImageInput]</c>, read from the task class at run time: what
/// <see cref="ImageFolderOptions.ForTask{TTask}"/> opens a folder with, and what the trainer checks each
/// batch against before it reaches the augmentations and the encoder.
/// </summary>
/// <param name="Task">The task class's name, as written in messages.</param>
/// <param name="Channels">The declared channels.</param>
/// <param name="Height">The declared height in pixels.</param>
/// <param name="Width">The declared width in pixels.</param>
internal sealed record DeclaredImageInput(string Task, int Channels, int Height, int Width)
{
    /// <summary>The <c>[ImageInput]</c> of <paramref name="task"/>, or null when it declares none (another input, or not a task).</summary>
    public static DeclaredImageInput? On(Type? task) =>
        task?.GetCustomAttribute<ImageInputAttribute>() is { } input ? new(task.Name, input.Channels, input.Height, input.Width) : null;

    /// <summary>"1x28x28".</summary>
    public string Shape => $"{Channels}x{Height}x{Width}";

    /// <summary>The declaration as the user wrote it: "[ImageInput(Channels = 1, Height = 28, Width = 28)]".</summary>
    public string Attribute => $"[ImageInput(Channels = {Channels}, Height = {Height}, Width = {Width})]";

    /// <summary>Checks that <paramref name="images"/> is a [batch, channels, height, width] tensor of the declared channels and size.</summary>
    /// <exception cref="ArgumentException">It is not: the message says what was found, what the task declares and what to change.</exception>
    public void Check(Tensor images, string taskName)
    {
        var shape = images.shape;
        if (shape.Length == 4 && shape[1] == Channels && shape[2] == Height && shape[3] == Width)
        {
            return;
        }

        string found = shape.Length == 4
            ? $"images of {shape[1]}x{shape[2]}x{shape[3]} (channels x height x width)"
            : $"a tensor of shape [{string.Join(", ", shape)}], not [batch, channels, height, width]";
        throw new ArgumentException(
            $"Task '{taskName}' declares {Attribute}, but the batch holds {found}. " +
            $"Open image folders with ImageFolderOptions.ForTask<{Task}>() (it resizes and converts every file to {Shape}), " +
            $"bring in-memory images to {Shape}, or declare the images' size in [ImageInput].",
            "batch");
    }
}
