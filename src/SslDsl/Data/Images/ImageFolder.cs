using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SslDsl;

/// <summary>
/// Images read from a folder as training goes, decoded by SkiaSharp on worker threads (PNG, JPEG, BMP, GIF,
/// WebP) and brought to the declared channels and size (<see cref="ImageFolderOptions"/>). Labelled: one
/// sub-folder per class, searched recursively, classes numbered in the ordinal order of their folder names
/// (torchvision's ImageFolder). Unlabelled: the images directly in the folder, or in all its sub-folders.
/// Files are visited in the ordinal order of their relative paths; hidden files and folders are ignored.
/// Only the list of files is held in memory (<see cref="FileIndex"/>), never the decoded images.
/// </summary>
public sealed class ImageFolder : StreamingSource<ImageBatch>
{
    private readonly FileIndex _files;
    private readonly ConcurrentDictionary<string, string> _skipped = new();
    private readonly object _logLock = new();

    private ImageFolder(string root, FileIndex files, IReadOnlyList<string>? classNames, ImageFolderOptions options, string name)
        : base(name, options.Loader)
    {
        Root = root;
        _files = files;
        ClassNames = classNames;
        Options = options;
    }

    /// <summary>
    /// A labelled folder: <paramref name="root"/>/&lt;class&gt;/.../&lt;image&gt;, one sub-folder per class.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="DatasetFormatException">The folder is a file, cannot be read, has no class folder, or a class folder holds no image.</exception>
    public static ImageFolder Labelled(string root, ImageFolderOptions options, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string full = CheckFolder(root);
        var classes = SubFolders(full);
        if (classes.Length == 0)
        {
            bool hasImages = Images(full, options, recursive: false).Any();
            throw new DatasetFormatException(full, hasImages
                ? "holds images but no class sub-folders; a labelled image folder has one sub-folder per class (for example cat/0001.png, dog/0001.png). Open it with ImageFolder.Unlabelled to pretrain on it without labels."
                : $"holds no class sub-folders and no images; a labelled image folder has one sub-folder per class, each with images ({string.Join(", ", options.Extensions)}).");
        }

        var files = new List<(string, int)>();
        for (int label = 0; label < classes.Length; label++)
        {
            string folder = Path.Combine(full, classes[label]);
            var images = Images(folder, options, recursive: true).Select(f => Path.GetRelativePath(full, f)).ToList();
            if (images.Count == 0)
            {
                throw new DatasetFormatException(folder,
                    $"the class folder '{classes[label]}' holds no image ({string.Join(", ", options.Extensions)}). Add its images or remove the folder (every sub-folder of {full} is a class).");
            }

            images.Sort(StringComparer.Ordinal);
            files.AddRange(images.Select(p => (p, label)));
        }

        return new ImageFolder(full, new FileIndex(files), classes, options, name ?? Path.GetFileName(full));
    }

    /// <summary>
    /// An unlabelled folder: the images directly in <paramref name="root"/>, or with <paramref name="recursive"/>
    /// the images in it and all its sub-folders.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="DatasetFormatException">The folder is a file, cannot be read, or holds no image.</exception>
    public static ImageFolder Unlabelled(string root, ImageFolderOptions options, bool recursive = false, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string full = CheckFolder(root);
        var images = Images(full, options, recursive).Select(f => Path.GetRelativePath(full, f)).ToList();
        if (images.Count == 0)
        {
            bool nested = !recursive && SubFolders(full).Length > 0;
            throw new DatasetFormatException(full, $"holds no image ({string.Join(", ", options.Extensions)})" +
                (nested ? "; its images may be in its sub-folders: open it with recursive: true, or with ImageFolder.Labelled when each sub-folder is a class." : "."));
        }

        images.Sort(StringComparer.Ordinal);
        return new ImageFolder(full, new FileIndex(images.Select(p => (p, -1)).ToList()), null, options, name ?? Path.GetFileName(full));
    }

    /// <summary>The folder, as a full path.</summary>
    public string Root { get; }

    /// <summary>The class names by label (the class folders' names), or null for an unlabelled folder.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>How the files are read.</summary>
    public ImageFolderOptions Options { get; }

    /// <inheritdoc />
    public override long Count => _files.Count;

    /// <inheritdoc />
    public override bool IsLabelled => ClassNames is not null;

    /// <summary>The files skipped so far because they could not be decoded, with the reason (see <see cref="ImageFolderOptions.MaxSkippedFiles"/>).</summary>
    public IReadOnlyDictionary<string, string> SkippedFiles => _skipped;

    /// <inheritdoc />
    protected internal override int FloatsPerSample => Options.Channels * Options.Height * Options.Width;

    /// <inheritdoc />
    protected internal override int LongsPerSample => 0;

    /// <summary>The full path of sample <paramref name="index"/>.</summary>
    public string PathOf(long index) => Path.Combine(Root, _files.Path(index));

    /// <summary>The label of sample <paramref name="index"/> (-1 in an unlabelled folder).</summary>
    public int LabelOf(long index) => _files.Label(index);

    /// <inheritdoc />
    public override string Fingerprint()
    {
        var parts = new List<object?> { "image-folder", Count, string.Join("/", ClassNames ?? Array.Empty<string>()), Options.Channels, Options.Height, Options.Width, Options.Resize, Options.ConvertChannels };
        int take = (int)Math.Min(Count, Dataset<ImageBatch>.FingerprintSamples);
        for (int i = 0; i < take; i++)
        {
            long index = take <= 1 ? 0 : i * (Count - 1) / (take - 1);
            var file = new FileInfo(PathOf(index));
            parts.Add(_files.Path(index));
            parts.Add(file.Exists ? file.Length : -1);
        }

        return SourceFingerprint.Of(parts.ToArray());
    }

    /// <inheritdoc />
    protected internal override bool ReadSample(long index, SampleBuffer buffer, int slot)
    {
        string path = PathOf(index);
        string? problem = ImageFileDecoder.Decode(path, Options, buffer.FloatsOf(slot));
        buffer.Labels[slot] = _files.Label(index);
        return problem is null || Skip(path, problem);
    }

    /// <inheritdoc />
    protected internal override ImageBatch Collate(SampleBuffer buffer, int count) =>
        new(FloatTensor(buffer, count, Options.Channels, Options.Height, Options.Width), LabelTensor(buffer, count));

    /// <summary>Records a file that cannot be decoded and returns false, or stops the run when the policy allows no more.</summary>
    private bool Skip(string path, string problem)
    {
        const string Fix = "Replace or remove the file, or let the run skip such files with ImageFolderOptions.MaxSkippedFiles";
        if (Options.MaxSkippedFiles == 0)
        {
            throw new DatasetFormatException(path, $"cannot be decoded as an image: {problem}. {Fix} (now 0).");
        }

        _skipped.TryAdd(path, problem);
        int count = _skipped.Count;
        if (count > Options.MaxSkippedFiles)
        {
            var others = _skipped.Keys.Where(p => p != path).OrderBy(p => p, StringComparer.Ordinal).Take(5);
            throw new DatasetFormatException(path,
                $"cannot be decoded as an image: {problem}. It is file number {count} that cannot be decoded, more than ImageFolderOptions.MaxSkippedFiles = {Options.MaxSkippedFiles}, so the run stops. " +
                $"Skipped before: {string.Join(", ", others)}{(count > 6 ? ", ..." : "")}.");
        }

        lock (_logLock)
        {
            (Options.Log ?? Console.Error).WriteLine($"WARNING [{Name}] skipped {path}: {problem} ({count} of at most {Options.MaxSkippedFiles} skipped files).");
        }

        return false;
    }

    /// <summary>The full path of <paramref name="root"/>, checked to be a readable folder.</summary>
    private static string CheckFolder(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        string full = Path.GetFullPath(root);
        if (File.Exists(full))
        {
            throw new DatasetFormatException(full, "is a file; an image folder was expected here.");
        }

        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The image folder {full} does not exist.");
        }

        return full;
    }

    /// <summary>The names of the visible sub-folders of <paramref name="folder"/>, in ordinal order.</summary>
    private static string[] SubFolders(string folder) =>
        Listing(folder, () => Directory.EnumerateDirectories(folder, "*", Enumeration(recursive: false)).Select(d => Path.GetFileName(d)!).OrderBy(d => d, StringComparer.Ordinal).ToArray());

    /// <summary>The image files in <paramref name="folder"/> (and its sub-folders when <paramref name="recursive"/>).</summary>
    private static IEnumerable<string> Images(string folder, ImageFolderOptions options, bool recursive)
    {
        var extensions = new HashSet<string>(options.Extensions, StringComparer.OrdinalIgnoreCase);
        return Listing(folder, () => Directory.EnumerateFiles(folder, "*", Enumeration(recursive)).Where(f => extensions.Contains(Path.GetExtension(f))).ToList());
    }

    private static EnumerationOptions Enumeration(bool recursive) => new()
    {
        RecurseSubdirectories = recursive,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>Runs a listing of <paramref name="folder"/>, turning a refused read into a message that names the folder.</summary>
    private static T Listing<T>(string folder, Func<T> list)
    {
        try
        {
            return list();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException and not FileNotFoundException)
        {
            throw new DatasetFormatException(folder, $"cannot be listed ({e.Message}). Make the folder and its sub-folders readable by this user.", e);
        }
    }
}
