using System;
using System.IO;
using System.Linq;

namespace SslDsl.Package.Tests;

/// <summary>
/// A brand-new console project outside the repository (so none of the repository's Directory.Build.*
/// or Directory.Packages.props applies) that references SslDsl by PackageReference only. Its
/// nuget.config adds the local feed to the machine's own sources (the nuget.org mirror).
/// </summary>
internal sealed class ConsumerProject
{
    /// <summary>One training step of the generated trainer on a random batch of 16 images; prints "loss=VALUE".</summary>
    public const string OneStepProgram = """
        using System;
        using System.Globalization;
        using SslDsl;
        using TorchSharp;

        using var trainer = new Tiny.TinyTask.Trainer(new TrainingOptions { Device = torch.CPU, ShowProgress = false });
        using var images = torch.rand(new long[] { 16, 1, 8, 8 }, generator: new torch.Generator(5));
        float loss = trainer.Step(new ImageBatch(images));
        Console.WriteLine("loss=" + loss.ToString("R", CultureInfo.InvariantCulture));
        """;

    private ConsumerProject(string directory) => Directory = directory;

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>The output folder of a Release build.</summary>
    public string OutputDirectory => Path.Combine(Directory, "bin", "Release", "net10.0");

    /// <summary>Writes a console project named <paramref name="name"/> under the package's temporary root.</summary>
    public static ConsumerProject Create(PackedPackage package, string name, string taskSource, string program)
    {
        string directory = Path.Combine(package.TempRoot, name);
        System.IO.Directory.CreateDirectory(directory);
        WriteNuGetConfig(directory, package);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SslDsl" Version="[{package.Version}]" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Task.cs"), taskSource);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return new ConsumerProject(directory);
    }

    /// <summary>The project in <paramref name="directory"/> (one made by dotnet new, say), built and run like the others.</summary>
    public static ConsumerProject At(string directory) => new(directory);

    /// <summary>
    /// A nuget.config in <paramref name="directory"/> that adds the package's local feed to the machine's own
    /// sources (the nuget.org mirror); it applies to every project below the folder.
    /// </summary>
    public static void WriteNuGetConfig(string directory, PackedPackage package) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="ssldsl-test-feed" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);

    /// <summary>dotnet build -c Release (normal verbosity, so the native fix's message shows).</summary>
    public CommandResult Build() =>
        CommandLine.Run(CommandLine.Dotnet, new[] { "build", "-c", "Release", "-v:n", "--disable-build-servers" }, Directory, TimeSpan.FromMinutes(4));

    /// <summary>The folder <see cref="Publish"/> writes to.</summary>
    public string PublishDirectory => Path.Combine(Directory, "published");

    /// <summary>dotnet publish -c Release --no-build into <see cref="PublishDirectory"/> (normal verbosity).</summary>
    public CommandResult Publish() =>
        CommandLine.Run(CommandLine.Dotnet, new[] { "publish", "-c", "Release", "--no-build", "-v:n", "-o", PublishDirectory }, Directory, TimeSpan.FromMinutes(4));

    /// <summary>Runs the built program with <paramref name="arguments"/>; <paramref name="environment"/> adds variables.</summary>
    public CommandResult RunBuilt(string name, string[]? arguments = null, params (string Name, string Value)[] environment) =>
        CommandLine.Run(CommandLine.Dotnet, new[] { Path.Combine(OutputDirectory, name + ".dll") }.Concat(arguments ?? Array.Empty<string>()), Directory, TimeSpan.FromMinutes(4), environment);
}
