using System.Collections.Generic;
using System.Linq;
using SslDsl.Generators.Tests;

namespace SslDsl.Analyzers.Tests;

/// <summary>The declarations the fuzz test mutates: every valid task of the generator tests and every catalogue case.</summary>
internal static class FuzzSeeds
{
    /// <summary>
/// (name, source) for TaskSources' three valid tasks, a task nested in a generic class (SSL031; the catalogue's
/// own SSL031 case is a generic task class) and the 28 failing catalogue cases (markup stripped).
/// </summary>
    public static IReadOnlyList<(string Name, string Source)> All { get; } = new[]
        {
            ("TaskSources.FashionSimClr", TaskSources.FashionSimClr),
            ("TaskSources.NestedRgbTask", TaskSources.NestedRgbTask),
            ("TaskSources.TinyTask", TaskSources.TinyTask),
            ("Ssl031Ssl032Tests.FailingNestedGeneric", Markup.Strip(Ssl031Ssl032Tests.FailingNestedGeneric)),
        }
        .Concat(Catalogue.Failing.Select(c => ("Catalogue." + c.Id, Markup.Strip(c.Source))))
        .ToList();
}
