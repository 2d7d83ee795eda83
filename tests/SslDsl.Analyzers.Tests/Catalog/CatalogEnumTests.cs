using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SslDsl.Generators;
using Xunit;

namespace SslDsl.Analyzers.Tests;

/// <summary>
/// The DSL's enums have one source, src/SslDsl/Attributes/Enums.cs: the catalog names each enum and its default
/// member, and the analyzer reads the members from the enum the user's compilation references. Each test
/// declares a value that names no member and expects the message to list the runtime enum's members in order.
/// </summary>
public class CatalogEnumTests
{
    [Fact]
    public Task UndefinedOptimizerKindListsTheRuntimeMembers() => AnalyzerTest.VerifyAsync(
        Sources.SimClrWith("[Optimizer({|#0:(OptimizerKind)9|})]"),
        new DiagnosticResult(DiagnosticDescriptors.TrainingValueOutOfRange).WithLocation(0)
            .WithArguments("Optimizer", "Kind", "(OptimizerKind)9", "a named OptimizerKind member", "use " + Members<OptimizerKind>()));

    [Fact]
    public Task UndefinedScheduleKindListsTheRuntimeMembers() => AnalyzerTest.VerifyAsync(
        Sources.SimClrWith("[LearningRateSchedule({|#0:(ScheduleKind)9|})]"),
        new DiagnosticResult(DiagnosticDescriptors.TrainingValueOutOfRange).WithLocation(0)
            .WithArguments("LearningRateSchedule", "Kind", "(ScheduleKind)9", "a named ScheduleKind member", "use " + Members<ScheduleKind>()));

    [Fact]
    public Task UndefinedFineTuneModeListsTheRuntimeMembers() => AnalyzerTest.VerifyAsync(
        Sources.SimClrWith("[FineTune(Classes = 10, {|#0:Mode = (FineTuneMode)7|})]"),
        new DiagnosticResult(DiagnosticDescriptors.FineTuneInvalid).WithLocation(0)
            .WithArguments($"FineTune.Mode is (FineTuneMode)7, which names no FineTuneMode member; use {Members<FineTuneMode>()}"));

    [Fact]
    public Task UndefinedBackboneKindListsTheRuntimeMembers() => AnalyzerTest.VerifyAsync(
        Sources.Task(Sources.SimClr + "\n[Backbone({|#0:(BackboneKind)9|})]", members: ""),
        new DiagnosticResult(DiagnosticDescriptors.StrengthOutOfRange).WithLocation(0)
            .WithArguments("Backbone", "Kind", "(BackboneKind)9", "a named BackboneKind member", "use " + Members<BackboneKind>()));

    [Fact]
    public Task UndefinedTrainingPrecisionListsTheRuntimeMembers() => AnalyzerTest.VerifyAsync(
        Sources.SimClrWith("[Training({|#0:Precision = (TrainingPrecision)9|})]"),
        new DiagnosticResult(DiagnosticDescriptors.TrainingValueOutOfRange).WithLocation(0)
            .WithArguments("Training", "Precision", "(TrainingPrecision)9", "a named TrainingPrecision member", "use " + Members<TrainingPrecision>()));

    [Fact]
    public void EveryEnumParameterNamesARuntimeEnumAndOneOfItsMembers()
    {
        var parameters = AttributeCatalog.All.Values.SelectMany(a => a.Params).OfType<EnumParam>().ToArray();
        Assert.Equal(7, parameters.Length);
        foreach (var p in parameters)
        {
            var type = typeof(OptimizerKind).Assembly.GetType("SslDsl." + p.EnumType);
            Assert.True(type is { IsEnum: true }, $"{p}: no runtime enum SslDsl.{p.EnumType}");
            Assert.Contains(p.Default, Enum.GetNames(type!));
        }
    }

    /// <summary>"E.A, E.B or E.C", in declaration order.</summary>
    private static string Members<T>()
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => $"{typeof(T).Name}.{n}").ToArray();
        return string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
