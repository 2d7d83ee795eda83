using System;
using TorchSharp;
using static TorchSharp.torch;

namespace SslDsl;

/// <summary>
/// Adversarial losses (context-encoder inpainting): min_G max_D E[log D(x)] + E[log(1 - D(G(z)))],
/// written with logits and binary cross-entropy.
/// </summary>
public static partial class Losses
{
    /// <summary>
    /// The non-saturating generator loss: BCE-with-logits of the discriminator's scores for generated
    /// samples against 1, i.e. mean(-log sigmoid(fakeLogits)).
    /// </summary>
    /// <param name="fakeLogits">Discriminator logits for generated samples, any non-empty shape (e.g. [B]).</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">The logits are empty.</exception>
    public static Tensor AdversarialGenerator(Tensor fakeLogits)
    {
        RequireLogits(fakeLogits, "AdversarialGenerator", nameof(fakeLogits));
        using var scope = torch.NewDisposeScope();
        return nn.functional.binary_cross_entropy_with_logits(fakeLogits, torch.ones_like(fakeLogits)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The discriminator loss: BCE-with-logits of real samples against 1 plus BCE-with-logits of
    /// generated samples against 0 (each a mean over its own batch), i.e.
    /// mean(-log sigmoid(real)) + mean(-log(1 - sigmoid(fake))). The caller detaches the generated samples.
    /// </summary>
    /// <param name="realLogits">Discriminator logits for real samples, any non-empty shape.</param>
    /// <param name="fakeLogits">Discriminator logits for generated samples, any non-empty shape.</param>
    /// <returns>A scalar tensor.</returns>
    /// <exception cref="ArgumentException">Logits are empty.</exception>
    public static Tensor AdversarialDiscriminator(Tensor realLogits, Tensor fakeLogits)
    {
        RequireLogits(realLogits, "AdversarialDiscriminator", nameof(realLogits));
        RequireLogits(fakeLogits, "AdversarialDiscriminator", nameof(fakeLogits));
        using var scope = torch.NewDisposeScope();
        var real = nn.functional.binary_cross_entropy_with_logits(realLogits, torch.ones_like(realLogits));
        var fake = nn.functional.binary_cross_entropy_with_logits(fakeLogits, torch.zeros_like(fakeLogits));
        return real.add(fake).MoveToOuterDisposeScope();
    }

    private static void RequireLogits(Tensor logits, string loss, string name)
    {
        Guard.NotNull(loss, logits, name);
        if (logits.numel() == 0)
        {
            throw new ArgumentException($"{loss}: {name} must be a non-empty batch of logits, but its shape is {Guard.Shape(logits)}.", name);
        }

        if (!logits.is_floating_point())
        {
            throw new ArgumentException($"{loss}: {name} must be floating-point logits, but it holds {logits.dtype}.", name);
        }
    }
}
