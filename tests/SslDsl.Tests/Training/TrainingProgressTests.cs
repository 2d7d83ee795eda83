using System;
using System.IO;
using System.Linq;
using SslDsl;
using TorchSharp;
using Xunit;

namespace SslDsl.Tests.Training;

/// <summary>Progress output stays readable in logs: at most one line per quarter epoch plus a summary.</summary>
public class TrainingProgressTests
{
    [Fact]
    public void RedirectedProgressPrintsAtEachQuarterAndASummary()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress(output);
        progress.Begin("[t] epoch 1/1", total: 8);
        for (int i = 1; i <= 8; i++)
        {
            progress.Report(i, loss: 1.0 / i, samplesSoFar: i * 16);
        }

        progress.End("loss 0.1250");
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("[t] epoch 1/1 [######..................] 2/8 loss 0.5000", lines[0]);
        Assert.StartsWith("[t] epoch 1/1 [############............] 4/8 loss 0.2500", lines[1]);
        Assert.StartsWith("[t] epoch 1/1 [##################......] 6/8 loss 0.1667", lines[2]);
        Assert.Contains("samples/s ETA ", lines[0]);
        Assert.Equal("[t] epoch 1/1 loss 0.1250", lines[3]);
    }

    [Fact]
    public void AResumedEpochPrintsOnlyTheQuartersItReaches()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress(output);
        progress.Begin("[t] epoch 2/2", total: 8, alreadyDone: 5);
        for (int i = 6; i <= 8; i++)
        {
            progress.Report(i, loss: 1, samplesSoFar: (i - 5) * 16);
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(" 6/8 ", lines[0]);
    }

    [Fact]
    public void TimesAreFormattedAsMinutesOrHours()
    {
        Assert.Equal("0:07", ConsoleProgress.FormatTime(7.4));
        Assert.Equal("2:05", ConsoleProgress.FormatTime(125));
        Assert.Equal("1:01:01", ConsoleProgress.FormatTime(3661));
        Assert.Equal("0:00", ConsoleProgress.FormatTime(-5));
    }

    [Fact]
    public void ATrainingRunLogsAtMostFourLinesPerEpoch()
    {
        using var data = TinyData.Images(64, seed: 3);
        var log = new StringWriter();
        using var trainer = new TinySimClr.Trainer(new TrainingOptions
        {
            Device = torch.CPU, Epochs = 2, ShowProgress = true, Log = log, CollapseMonitor = null,
        });
        trainer.Fit(data);
        var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(8, lines.Length);
        Assert.Equal(2, lines.Count(l => l.Contains(" loss ") && l.Contains(" lr ")));
        Assert.All(lines, l => Assert.StartsWith("[tiny-simclr] epoch ", l));
    }
}
