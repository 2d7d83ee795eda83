using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using TorchSharp;
using Xunit;

namespace SslDsl.Generators.Tests;

/// <summary>
/// Every constrained parameter of a pipeline step is checked identically at compile time (the attribute
/// catalog's range, reported by the analyzers) and at run time (the step's runtime method): for values on
/// and around the range's bounds, the runtime method throws an ArgumentException exactly when the catalog
/// rejects the value. The other arguments stay valid (the partner of a Min/Max pair follows the value).
/// </summary>
public class CatalogRangesTests
{
    private static readonly double[] DoubleProbes = { -1, -0.01, 0, 0.01, 0.3, 0.5, 0.51, 0.99, 1, 1.01, 2, 4 };

    private static readonly double[] IntProbes = { -1, 0, 1 };

    public static TheoryData<string, string> ConstrainedStepParameters
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var spec in AttributeCatalog.All.Values.OfType<StepSpec>().OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                foreach (var p in spec.Params.Where(p => p.Constraint != Constraint.None))
                {
                    data.Add(spec.Name, p.Name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ConstrainedStepParameters))]
    public void RuntimeAcceptsExactlyTheCatalogRange(string step, string parameter)
    {
        var spec = (StepSpec)AttributeCatalog.All[step];
        var param = spec.Param(parameter)!;
        var probes = param.Type == ParamType.Int ? IntProbes : DoubleProbes;
        foreach (double value in probes)
        {
            bool valid = RangeChecks.Satisfies(param.Constraint, value);
            var error = Run(spec, param, value);
            Assert.True(valid == (error is null),
                $"{spec.Name}.{param.Name} = {value}: the catalog range {RangeChecks.RangeText(param.Constraint, param.Type)} {(valid ? "accepts" : "rejects")} it, but {spec.RuntimeClass}.{spec.Name} {(error is null ? "accepts it" : "throws: " + error.Message)}");
        }
    }

    /// <summary>Calls the step's runtime method with <paramref name="param"/> = <paramref name="value"/>; the ArgumentException it throws, or null.</summary>
    private static ArgumentException? Run(StepSpec spec, ParamSpec param, double value)
    {
        var values = spec.Params.ToDictionary(p => p.Name, p => p.DefaultValue.Number);
        values[param.Name] = value;
        foreach (var (low, high) in RangeChecks.OrderedPairs.Where(pair => pair.Low.Owner == spec))
        {
            if (param == low)
            {
                values[high.Name] = Math.Max(value, high.Default);
            }
            else if (param == high)
            {
                values[low.Name] = Math.Min(value, low.Default);
            }
        }

        if (spec is AttributeCatalog.BertMaskSpec bert && param != bert.Probability && param != spec.P)
        {
            // ReplaceWithMask + ReplaceWithRandom must not exceed 1 (SSL022): probe one with the other at 0.
            values[param == bert.ReplaceWithMask ? bert.ReplaceWithRandom.Name : bert.ReplaceWithMask.Name] = 0;
        }

        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(1);
        var method = typeof(PretextTrainer<>).Assembly.GetType("SslDsl." + spec.RuntimeClass, throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == spec.Name)
            .OrderBy(m => m.GetParameters().Length)
            .First(); // the overload the pipeline calls (RandomResizedCrop also has one to another size, for multi-crop)
        if (!method.GetParameters().Any(p => string.Equals(p.Name, param.Name, StringComparison.OrdinalIgnoreCase)))
        {
            // A deterministic step (Normalize) takes no probability: there is nothing to check at run time.
            return RangeChecks.Satisfies(param.Constraint, value) ? null : new ArgumentException("not a parameter of the runtime method");
        }

        var arguments = method.GetParameters().Select(p => Argument(spec, p, values, generator)).ToArray();
        try
        {
            method.Invoke(null, arguments);
            return null;
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException argument)
        {
            return argument;
        }
    }

    private static object Argument(StepSpec spec, ParameterInfo p, Dictionary<string, double> values, torch.Generator generator)
    {
        string name = char.ToUpperInvariant(p.Name![0]) + p.Name[1..];
        if (values.TryGetValue(name, out double value))
        {
            return p.ParameterType == typeof(int) ? (int)value : (object)value;
        }

        return p.Name switch
        {
            "generator" => generator,
            "x" => (spec.Modalities, spec.RuntimeClass) switch
            {
                (Modality.Tabular, _) => torch.rand(4, 6),
                (Modality.Series, _) => torch.rand(4, 2, 20),
                _ => torch.rand(4, 1, 16, 16),
            },
            "ids" => torch.arange(4, 16).view(2, 6).to(torch.int64),
            "attentionMask" => torch.ones(2, 6, torch.int64),
            "wordStarts" => torch.tensor(new long[] { 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1 }, new long[] { 2, 6 }),
            "padId" => 0,
            "maskId" => 3,
            "vocabSize" => 30,
            "specialIds" => new long[] { 0, 1, 2, 3 },
            "columns" => TabularColumns.Plain(6),
            _ => throw new InvalidOperationException($"{spec.RuntimeClass}.{spec.Name}: no test value for {p.Name}"),
        };
    }
}
