using System;
using System.Reflection;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>Creates a generated Trainer by reflection and runs steps on a fixed batch.</summary>
internal static class TrainerHarness
{
    /// <summary>Runs <paramref name="steps"/> steps and returns the mean loss of the first and of the last five.</summary>
    public static (double First, double Last) Train(Assembly assembly, string task, object batch, int steps = 40)
    {
        var trainerType = TaskCompiler.Nested(assembly, task, "Trainer");
        using var trainer = (IDisposable)Activator.CreateInstance(trainerType, new TrainingOptions { Device = torch.CPU, ShowProgress = false })!;
        var step = trainerType.GetMethod("Step", new[] { batch.GetType() })!;
        double first = 0, last = 0;
        for (int i = 0; i < steps; i++)
        {
            float loss = (float)step.Invoke(trainer, new[] { batch })!;
            Assert.True(float.IsFinite(loss), $"{task}: step {i} loss {loss}");
            if (i < 5)
            {
                first += loss / 5;
            }

            if (i >= steps - 5)
            {
                last += loss / 5;
            }
        }

        return (first, last);
    }
}
