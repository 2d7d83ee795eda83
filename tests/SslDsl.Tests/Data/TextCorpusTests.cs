using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace SslDsl.Tests.DataTests;

/// <summary>Fortune files: the real Debian corpus and hand-made files.</summary>
public class TextCorpusTests
{
    [Fact]
    [Trait("Data", "Real")]
    public void RealData_FortunesHoldThousandsOfCleanEntries()
    {
        string dir = RealData.FortunesDirectory();
        var all = TextCorpus.LoadFortunes(dir);
        Assert.True(all.Count > 10_000, $"{all.Count} fortunes; Debian's fortunes + fortunes-min hold over 10,000");
        Assert.All(all, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f));
            Assert.DoesNotContain('\b', f);
            Assert.DoesNotContain("\n%\n", f);
        });

        // The "fortunes" file counted independently: its text split at the lines holding only '%'.
        string path = Path.Combine(dir, "fortunes");
        int expected = File.ReadAllText(path).Replace("\r\n", "\n").Split("\n%\n").Count(s => s.Trim().Trim('%').Trim().Length > 0);
        Assert.Equal(expected, TextCorpus.ReadFortuneFile(path).Count);

        var first = TextCorpus.LoadFortunes(dir, limit: 100);
        Assert.Equal(all.Take(100), first);
    }

    [Fact]
    public void EntriesAreSplitAtPercentLinesTrimmedAndFreedOfOverstrike()
    {
        using var temp = new TempFiles();
        temp.Write("quotes", "First entry\n  second line  \n%\n\n%\nSecond\r\n%\n_\bb_\bo_\bl_\bd and B\bBo\bol\bld\bd\n%\n");
        var entries = TextCorpus.LoadFortunes(temp.Directory);
        Assert.Equal(new[] { "First entry\n  second line", "Second", "bold and Bold" }, entries);
    }

    [Fact]
    public void IndexFilesLinksDotFilesAndSubfoldersAreSkipped()
    {
        using var temp = new TempFiles();
        string b = temp.Write("b", "from b\n%\n");
        temp.Write("a", "from a\n");
        temp.WriteBytes("a.dat", new byte[] { 0, 0, 0, 2, 0, 0, 0, 1 });
        File.CreateSymbolicLink(Path.Combine(temp.Directory, "a.u8"), Path.Combine(temp.Directory, "a"));
        File.CreateSymbolicLink(Path.Combine(temp.Directory, "c"), b);
        temp.Write(".hidden", "hidden\n");
        temp.Write(Path.Combine("off", "rude"), "rude\n");
        // A link to a file outside the folder is read (the folder may be a farm of links); a link to a listed file is not.
        using var elsewhere = new TempFiles();
        File.CreateSymbolicLink(Path.Combine(temp.Directory, "d"), elsewhere.Write("d", "from d\n"));
        Assert.Equal(new[] { "from a", "from b", "from d" }, TextCorpus.LoadFortunes(temp.Directory));
        Assert.Equal(new[] { "from a" }, TextCorpus.LoadFortunes(temp.Directory, limit: 1));
    }

    [Fact]
    public void MissingOrEmptyFoldersSayHowToInstallTheFortunes()
    {
        using var temp = new TempFiles();
        string missing = Path.Combine(temp.Directory, "nowhere");
        var e1 = Assert.Throws<FileNotFoundException>(() => TextCorpus.LoadFortunes(missing));
        Assert.Contains(missing, e1.Message);
        Assert.Contains("fortunes-min", e1.Message);

        temp.WriteBytes("only.dat", new byte[] { 1, 2, 3 });
        var e2 = Assert.Throws<FileNotFoundException>(() => TextCorpus.LoadFortunes(temp.Directory));
        Assert.Contains("holds no fortune file", e2.Message);
    }

    [Fact]
    public void BinaryAndNonUtf8FilesAreReportedWithTheirLine()
    {
        using var temp = new TempFiles();
        var latin1 = Encoding.ASCII.GetBytes("fine\n%\ncaf").Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes("\n")).ToArray();
        string path = temp.WriteBytes("latin1", latin1);
        var e1 = Assert.Throws<DatasetFormatException>(() => TextCorpus.ReadFortuneFile(path));
        Assert.Contains(path, e1.Message);
        Assert.Contains("line 3: bytes that are not UTF-8", e1.Message);
        Assert.Contains("separated by lines holding only '%'", e1.Message);

        string binary = temp.WriteBytes("binary", new byte[] { 0x41, 0x0A, 0x42, 0x00, 0x43 });
        var e2 = Assert.Throws<DatasetFormatException>(() => TextCorpus.ReadFortuneFile(binary));
        Assert.Contains("line 2: a NUL byte at column 2", e2.Message);
    }

    [Fact]
    public void RejectsANonPositiveLimit()
    {
        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => TextCorpus.LoadFortunes(limit: 0)).ParamName);
    }
}
