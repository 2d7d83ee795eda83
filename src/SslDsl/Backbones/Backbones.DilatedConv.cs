namespace SslDsl;

public static partial class Backbones
{
    /// <summary>
    /// TS2Vec's dilated convolutional encoder for series [B, inChannels, T] (<see cref="DilatedConvEncoder"/>): a
    /// linear projection to <paramref name="width"/>, <paramref name="depth"/> residual blocks of dilated convolutions
    /// and a last one to <paramref name="outputDim"/>. It keeps the time axis (<see cref="ITimestampEncoder"/>), and its
    /// forward max-pools over time to [B, outputDim], so any T works. The reference uses width 64, output 320, depth 10.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">A size is not positive, or depth is above 30.</exception>
    public static DilatedConvEncoder DilatedConv(int inChannels, int width = 64, int outputDim = 320, int depth = 10) =>
        new(inChannels, width, outputDim, depth);
}
