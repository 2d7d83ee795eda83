namespace SslDsl;

/// <summary>How an image folder brings each image to the declared height and width.</summary>
public enum ImageResize
{
    /// <summary>
    /// Scale the image, keeping its aspect ratio, until it covers Height x Width (for a square size its
    /// shorter side becomes that size), then cut out the centre Height x Width: torchvision's
    /// <c>Resize(size)</c> followed by <c>CenterCrop(size)</c>. An image of the declared size is left as it is.
    /// </summary>
    CoverCrop,

    /// <summary>Scale width and height independently to Width x Height (the aspect ratio is not kept, nothing is cut).</summary>
    Stretch,

    /// <summary>Accept only images of exactly Height x Width; any other size stops the run with a message naming the file.</summary>
    Exact,
}
