#!/usr/bin/env python3
"""Stand-alone check of PyTorch's CPU convolution gradients against float64.

Reproduces the fault SslDsl met with libtorch 2.10 (oneDNN 3.7.1) on an AMD EPYC CPU with AVX-512:
nn.Conv2d(1, 8, 3, padding=1) on a 16x1x8x8 input returned wrong input gradients in 29 of 30 trials
with 1 thread and NaN in some trials with 2 threads, while the weight gradient and the forward pass
were right. float64 convolutions never run on oneDNN, so they are the reference.

    python3 scripts/repro/conv_backward_check.py            # both thread counts, oneDNN on and off
    ONEDNN_VERBOSE=1 python3 scripts/repro/conv_backward_check.py --trials 1   # which kernel ran

Needs only torch (Debian: apt-get install python3-torch). Exit code 1 when any trial is wrong.
"""
import argparse
import platform
import sys

import torch

CASES = [  # (in, out, kernel, stride, padding, batch, size, transposed)
    (1, 8, 3, 1, 1, 16, 8, False),
    (16, 1, 3, 1, 1, 16, 8, False),
    (8, 16, 3, 1, 1, 4, 4, False),
    (16, 32, 3, 2, 1, 8, 14, False),
    (32, 16, 4, 2, 1, 16, 4, True),
]


def relative_error(value, reference):
    if not torch.isfinite(value).all():
        return float("nan")
    return ((value.double() - reference).abs().max() / reference.abs().max().clamp_min(1e-30)).item()


def trial(case, generator):
    cin, cout, k, s, p, n, size, transposed = case
    x = torch.randn(n, cin, size, size, dtype=torch.float64, generator=generator)
    shape = (cin, cout, k, k) if transposed else (cout, cin, k, k)
    w = torch.randn(*shape, dtype=torch.float64, generator=generator) / (cin * k * k) ** 0.5
    op = torch.nn.functional.conv_transpose2d if transposed else torch.nn.functional.conv2d
    results = []
    grad = None
    for dtype in (torch.float32, torch.float64):
        xi = x.to(dtype).requires_grad_(True)
        wi = w.to(dtype).requires_grad_(True)
        y = op(xi, wi, stride=s, padding=p)
        if grad is None:
            grad = torch.randn(y.shape, dtype=torch.float64, generator=generator)
        dx, dw = torch.autograd.grad(y, (xi, wi), grad.to(dtype))
        results.append((y.detach(), dx, dw))
    (y32, dx32, dw32), (y64, dx64, dw64) = results
    return relative_error(y32, y64), relative_error(dx32, dx64), relative_error(dw32, dw64)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--tolerance", type=float, default=1e-3)
    args = parser.parse_args()
    print(f"torch {torch.__version__}, {platform.processor() or platform.machine()}, "
          f"mkldnn available: {torch.backends.mkldnn.is_available()}")
    bad_total = 0
    for mkldnn in (True, False):
        torch.backends.mkldnn.enabled = mkldnn
        for threads in (1, 2):
            torch.set_num_threads(threads)
            for case in CASES:
                generator = torch.Generator().manual_seed(42)
                bad = nonfinite = 0
                worst = 0.0
                for _ in range(args.trials):
                    errors = trial(case, generator)
                    if any(e != e for e in errors):
                        nonfinite += 1
                    elif max(errors) > args.tolerance:
                        bad += 1
                    worst = max([worst] + [e for e in errors if e == e])
                bad_total += bad + nonfinite
                kind = "ConvTranspose2d" if case[7] else "Conv2d"
                print(f"oneDNN {'on ' if mkldnn else 'off'} threads {threads} {kind} {case[0]}->{case[1]} k{case[2]} s{case[3]} "
                      f"p{case[4]} on {case[5]}x{case[0]}x{case[6]}x{case[6]}: wrong {bad}, non-finite {nonfinite} "
                      f"of {args.trials}, worst relative error {worst:.3g}")
    return 1 if bad_total else 0


if __name__ == "__main__":
    sys.exit(main())
