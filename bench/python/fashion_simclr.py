#!/usr/bin/env python3
"""SimCLR on Fashion-MNIST in plain PyTorch: the peer a .NET user would otherwise pick.

The same recipe as samples/FashionMnist.SimClr (backbone, projection, the same batched augmentations on
the whole batch, NT-Xent, AdamW with warm-up + cosine and no decay on biases and norms, batch 256),
written the way a PyTorch user would.
Two uses:
  --steps N      time N training steps (after 5 warm-up steps) and print steps/s: the step benchmark
                 that bench/compare-step.sh runs interleaved with SslDsl's generated step;
  --epochs E     pretrain E epochs on the first 55,000 training images, then a linear probe on the
                 frozen pooled features, chosen on the last 5,000 training images (validation).
Debian: apt-get install python3-torch (1.13). Data: /usr/share/datasets/fashion-mnist (fetch-data.sh).
"""
import argparse
import gzip
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = os.environ.get("FASHION_MNIST", "/usr/share/datasets/fashion-mnist")


def load(split):
    prefix = "train" if split == "train" else "t10k"
    with gzip.open(os.path.join(DATA, f"{prefix}-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(os.path.join(DATA, f"{prefix}-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return torch.from_numpy(images.astype(np.float32) / 255.0), torch.from_numpy(labels.astype(np.int64))


class Encoder(nn.Module):
    """Two blocks of `convs` x (conv3x3-BN-ReLU) then maxpool2, widths w and 2w, average-pooled to a 4x4 grid:
    32w features (SslDsl's Backbones.PooledCnn)."""

    def __init__(self, width=32, pool=4, convs=2):
        super().__init__()
        layers = []
        c = 1
        for w in (width, 2 * width):
            for j in range(convs):
                layers += [nn.Conv2d(c if j == 0 else w, w, 3, padding=1, bias=False), nn.BatchNorm2d(w), nn.ReLU()]
            layers.append(nn.MaxPool2d(2))
            c = w
        self.net = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(pool), nn.Flatten())
        self.dim = 2 * width * pool * pool

    def forward(self, x):
        return self.net(x)


def projection(dim, hidden=512, out=128):
    return nn.Sequential(nn.Linear(dim, hidden, bias=False), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Linear(hidden, out))


def uniform(n, lo, hi, g):
    return torch.rand(n, generator=g) * (hi - lo) + lo


def random_resized_crop(x, lo, hi, g, attempts=10):
    """torchvision's RandomResizedCrop, batched: the first of 10 (area, ratio) draws that fits, else a centre crop."""
    b, _, hgt, wid = x.shape
    area = torch.rand(b, attempts, generator=g).double() * (hi - lo) + lo
    ratio = (torch.rand(b, attempts, generator=g).double() * (math.log(4 / 3) - math.log(3 / 4)) + math.log(3 / 4)).exp()
    w = (area * ratio * hgt / wid).sqrt()
    h = (area / ratio * wid / hgt).sqrt()
    fits = (w <= 1) & (h <= 1)
    first = fits.int().argmax(1, keepdim=True)
    any_fits = fits.any(1)
    in_ratio = wid / hgt
    fw = hgt * (4 / 3) / wid if in_ratio > 4 / 3 else 1.0
    fh = wid / (3 / 4) / hgt if in_ratio < 3 / 4 else 1.0
    w = torch.where(any_fits, w.gather(1, first).squeeze(1), torch.full((b,), fw, dtype=torch.float64))
    h = torch.where(any_fits, h.gather(1, first).squeeze(1), torch.full((b,), fh, dtype=torch.float64))
    cx = torch.where(any_fits, torch.rand(b, generator=g).double() * (1 - w) + w / 2, torch.full((b,), 0.5, dtype=torch.float64))
    cy = torch.where(any_fits, torch.rand(b, generator=g).double() * (1 - h) + h / 2, torch.full((b,), 0.5, dtype=torch.float64))
    zero = torch.zeros_like(w)
    theta = torch.stack([torch.stack([w, zero, cx * 2 - 1], 1), torch.stack([zero, h, cy * 2 - 1], 1)], 1).float()
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)


def flip(x, p, g):
    m = (torch.rand(x.shape[0], generator=g) < p).view(-1, 1, 1, 1)
    return torch.where(m, x.flip(3), x)


def jitter(x, strength, p, g):
    """Brightness and contrast, in a random order per sample (torchvision permutes them), clamped after each."""
    b = x.shape[0]
    apply = (torch.rand(b, generator=g) < p).view(-1, 1, 1, 1)
    fb = uniform(b, max(0.0, 1 - strength), 1 + strength, g).view(-1, 1, 1, 1)
    fc = uniform(b, max(0.0, 1 - strength), 1 + strength, g).view(-1, 1, 1, 1)
    brightness_first = (torch.rand(b, 2, generator=g).argsort(1)[:, 0] == 0).view(-1, 1, 1, 1)

    def contrast(y):
        mean = y.mean((1, 2, 3), keepdim=True)
        return ((y - mean) * fc + mean).clamp(0, 1)

    def brightness(y):
        return (y * fb).clamp(0, 1)

    y = torch.where(brightness_first, contrast(brightness(x)), brightness(contrast(x)))
    return torch.where(apply, y, x)


def erase(x, area_fraction, p, g):
    """Random erasing of one rectangle of the given area, aspect ratio log-uniform in [0.3, 3.3]."""
    b, _, hgt, wid = x.shape
    ratio = (torch.rand(b, generator=g).double() * (math.log(3.3) - math.log(0.3)) + math.log(0.3)).exp()
    ratio = ratio.clamp(area_fraction * wid / hgt, wid / (area_fraction * hgt))
    pixels = area_fraction * hgt * wid
    h = (pixels / ratio).sqrt().round().clamp(1, hgt)
    w = (pixels * ratio).sqrt().round().clamp(1, wid)
    top = (torch.rand(b, generator=g).double() * (hgt - h + 1)).floor().long().view(-1, 1, 1)
    left = (torch.rand(b, generator=g).double() * (wid - w + 1)).floor().long().view(-1, 1, 1)
    apply = (torch.rand(b, generator=g) < p).view(-1, 1, 1)
    rows = torch.arange(hgt).view(1, -1, 1)
    cols = torch.arange(wid).view(1, 1, -1)
    m = (rows >= top) & (rows < top + h.long().view(-1, 1, 1)) & (cols >= left) & (cols < left + w.long().view(-1, 1, 1)) & apply
    return x.masked_fill(m.unsqueeze(1), 0.0)


def view(x, g, args):
    x = random_resized_crop(x, args.min_scale, 1.0, g)
    x = flip(x, 0.5, g)
    x = jitter(x, args.jitter, 0.8, g)
    if args.erase_p > 0:
        x = erase(x, 0.0816, args.erase_p, g)
    return x


def nt_xent(z1, z2, t):
    z = F.normalize(torch.cat([z1, z2]), dim=1)
    n = z1.shape[0]
    sim = z @ z.t() / t
    sim.fill_diagonal_(float("-inf"))
    target = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(sim, target)


def lr_factor(step, total, warmup):
    if step < warmup:
        return (step + 1) / warmup
    return 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))


def param_groups(modules, wd):
    decay, no_decay = [], []
    for m in modules:
        for p in m.parameters():
            (decay if p.dim() > 1 else no_decay).append(p)
    return [{"params": decay, "weight_decay": wd}, {"params": no_decay, "weight_decay": 0.0}]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=0)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--wd", type=float, default=1e-4)
    ap.add_argument("--temperature", type=float, default=0.2)
    ap.add_argument("--min-scale", type=float, default=0.4)
    ap.add_argument("--jitter", type=float, default=0.6)
    ap.add_argument("--erase-p", type=float, default=0.25)
    ap.add_argument("--width", type=int, default=32)
    ap.add_argument("--convs", type=int, default=2, help="convolutions per block (the main job: 2)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--probe-epochs", type=int, default=100)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    g = torch.Generator().manual_seed(args.seed)
    images, labels = load("train")
    encoder = Encoder(args.width, convs=args.convs)
    proj = projection(encoder.dim)
    opt = torch.optim.AdamW(param_groups([encoder, proj], args.wd), lr=args.lr)
    train = images[:55000]
    steps_per_epoch = train.shape[0] // args.batch
    total = steps_per_epoch * max(args.epochs, 1)

    def step(batch, i):
        for group in opt.param_groups:
            group["lr"] = args.lr * lr_factor(i, total, steps_per_epoch)
        v1, v2 = view(batch, g, args), view(batch, g, args)
        z = proj(encoder(torch.cat([v1, v2])))
        loss = nt_xent(z[: batch.shape[0]], z[batch.shape[0]:], args.temperature)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        return loss.item()

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, batch {args.batch}, encoder {encoder.dim} features", flush=True)
    if args.steps:
        encoder.train(); proj.train()
        perm = torch.randperm(train.shape[0], generator=g)
        times = []
        for i in range(args.steps + 5):
            idx = perm[(i * args.batch) % (train.shape[0] - args.batch):][: args.batch]
            t0 = time.perf_counter()
            step(train[idx], i)
            if i >= 5:
                times.append(time.perf_counter() - t0)
        times.sort()
        print(f"median step {times[len(times) // 2]:.4f} s, mean {sum(times) / len(times):.4f} s, steps/s {1 / times[len(times) // 2]:.3f}")
        return 0

    start = time.perf_counter()
    for epoch in range(args.epochs):
        encoder.train(); proj.train()
        perm = torch.randperm(train.shape[0], generator=g)
        total_loss = 0.0
        for i in range(steps_per_epoch):
            total_loss += step(train[perm[i * args.batch:(i + 1) * args.batch]], epoch * steps_per_epoch + i)
        print(f"epoch {epoch + 1}: loss {total_loss / steps_per_epoch:.4f} ({time.perf_counter() - start:.0f} s)", flush=True)

    encoder.eval()
    with torch.no_grad():
        feats = torch.cat([encoder(images[i:i + 1024]) for i in range(0, images.shape[0], 1024)])
    mean, std = feats[:55000].mean(0), feats[:55000].std(0) + 1e-6
    feats = (feats - mean) / std
    tr_x, tr_y, va_x, va_y = feats[:55000], labels[:55000], feats[55000:], labels[55000:]
    best = None
    for lr in (1e-3, 3e-3):
        head = nn.Linear(feats.shape[1], 10)
        o = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=1e-4)
        n = tr_x.shape[0]
        steps = args.probe_epochs * (n // 1024)
        k = 0
        for e in range(args.probe_epochs):
            perm = torch.randperm(n, generator=g)
            for i in range(n // 1024):
                for group in o.param_groups:
                    group["lr"] = lr * 0.5 * (1 + math.cos(math.pi * k / steps))
                idx = perm[i * 1024:(i + 1) * 1024]
                loss = F.cross_entropy(head(tr_x[idx]), tr_y[idx])
                o.zero_grad(); loss.backward(); o.step(); k += 1
        with torch.no_grad():
            acc = (head(va_x).argmax(1) == va_y).float().mean().item()
        print(f"probe lr {lr}: validation accuracy {acc:.4f}", flush=True)
        best = max(best or 0, acc)
    print(f"total {time.perf_counter() - start:.0f} s; best validation accuracy {best:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
