#!/usr/bin/env python3
"""Which linear probe reads a SimCLR encoder best with few labels? (issue 11, the 1 % label-efficiency target)

Loads an encoder that SslDsl exported for PyTorch (encoder.py + encoder.pt, written by `bash scripts/run.sh` into its
output folder), computes features of every Fashion-MNIST image once, and fits multinomial logistic regression
(scikit-learn, L-BFGS) on label subsets drawn from the first 55,000 training images, as the label-efficiency bench
draws them (the same seeds, the same randperm). The inverse regularisation C is chosen on the last 5,000 training
images (validation); the test split is scored once per fit, with the chosen C. Feature variants:
  pool4   the encoder's output: the last block's 64 x 7 x 7 map average-pooled to 4 x 4 (1,024 features)
  pre     the same map before that pooling (3,136 features)
  b0      the first block's 32 x 14 x 14 map average-pooled to 4 x 4 (512 features)
  pool4+b0, pool4 with horizontal-flip averaging (test-time augmentation)
each raw, standardised (mean and variance over all training images, labels unused) and L2-normalised.

    sudo apt-get install -y python3-torch python3-sklearn      # Debian's PyTorch 1.13, scikit-learn 1.2
    /usr/bin/python3 bench/python/probe_variants.py out/encoder.py --random --fractions 0.01
"""
import argparse
import importlib.util
import os
import sys
import warnings

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fashion_simclr import load  # noqa: E402  (the same loader as the PyTorch peer)

FIT_POOL = 55_000
CS = (1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3, 10, 30, 100, 1000)


def features(model, x):
    "Every variant's features of x, computed in batches of 1,000 in eval mode."
    parts = {"pool4": [], "pre": [], "b0": [], "flip": []}
    with torch.no_grad():
        for i in range(0, len(x), 1000):
            b = x[i:i + 1000]
            h0 = model.block0(b)
            h1 = model.block1(h0)
            parts["pool4"].append(model.head(h1))
            parts["pre"].append(h1.flatten(1))
            parts["b0"].append(torch.nn.functional.adaptive_avg_pool2d(h0, 4).flatten(1))
            parts["flip"].append(model.head(model.block1(model.block0(b.flip(3)))))
    return {k: torch.cat(v).numpy() for k, v in parts.items()}


def draw(fraction, seed):
    "The label-efficiency bench's subset (bench/SslDsl.Bench.LabelEfficiency/LabelSubsets.cs): a seeded randperm's head."
    n = max(10, round(fraction * FIT_POOL))
    generator = torch.Generator().manual_seed(seed * 1_000_003 + 17)
    return torch.randperm(FIT_POOL, generator=generator)[:n].numpy()


def probe(train, test, ytr, yte, fraction, seeds):
    "Test accuracy per seed, C chosen on validation for each seed."
    accuracies, chosen = [], []
    for seed in seeds:
        rows = draw(fraction, seed)
        best = None
        for c in CS:
            model = LogisticRegression(C=c, max_iter=3000).fit(train[rows], ytr[rows])
            score = model.score(train[FIT_POOL:], ytr[FIT_POOL:])
            if best is None or score > best[0]:
                best = (score, c, model)
        accuracies.append(best[2].score(test, yte))
        chosen.append(best[1])
    return accuracies, chosen


def variants(tr, te):
    "(name, train features, test features) for every probe variant."
    def l2(a):
        return a / np.linalg.norm(a, axis=1, keepdims=True).clip(min=1e-12)

    def standardised(a, b):
        scaler = StandardScaler().fit(a)
        return scaler.transform(a), scaler.transform(b)

    out = []
    for key in ("pool4", "pre", "b0"):
        out.append((f"{key}", tr[key], te[key]))
        out.append((f"{key} standardised", *standardised(tr[key], te[key])))
        out.append((f"{key} L2-normalised", l2(tr[key]), l2(te[key])))
    both = np.concatenate([tr["pool4"], tr["b0"]], 1), np.concatenate([te["pool4"], te["b0"]], 1)
    out.append(("pool4+b0 standardised", *standardised(*both)))
    flip = (tr["pool4"] + tr["flip"]) / 2, (te["pool4"] + te["flip"]) / 2
    out.append(("pool4 flip-averaged, standardised", *standardised(*flip)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("encoder", help="encoder.py written by SslDsl's PyTorch export (encoder.pt beside it)")
    parser.add_argument("--weights", help="the weights file (default: encoder.pt beside encoder.py)")
    parser.add_argument("--random", action="store_true", help="also probe the same architecture, randomly initialised (seed 0)")
    parser.add_argument("--fractions", default="0.01", help="label fractions of the 55,000, comma-separated (default 0.01)")
    parser.add_argument("--seeds", default="1,2,3", help="label-subset seeds (default 1,2,3, as the bench)")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    torch.set_num_threads(args.threads)

    spec = importlib.util.spec_from_file_location("encoder", args.encoder)
    encoder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(encoder)
    weights = args.weights or os.path.join(os.path.dirname(os.path.abspath(args.encoder)), "encoder.pt")
    models = [("SimCLR", encoder.load(weights))]
    if args.random:
        torch.manual_seed(0)
        models.append(("random init", encoder.build().eval()))

    xtr, ytr = load("train")
    xte, yte = load("test")
    seeds = [int(s) for s in args.seeds.split(",")]
    print(f"| encoder | features | labels | test accuracy, mean +- sd | per seed | C chosen on validation |")
    print(f"|---|---|---|---|---|---|")
    for name, model in models:
        tr, te = features(model, xtr), features(model, xte)
        for fraction in (float(f) for f in args.fractions.split(",")):
            for variant, a, b in variants(tr, te):
                accuracies, chosen = probe(a, b, ytr.numpy(), yte.numpy(), fraction, seeds)
                spread = f" +- {np.std(accuracies, ddof=1):.4f}" if len(accuracies) > 1 else ""
                print(f"| {name} | {variant} | {len(draw(fraction, seeds[0]))} | {np.mean(accuracies):.4f}{spread} | "
                      f"{', '.join(f'{a:.4f}' for a in accuracies)} | {', '.join(f'{c:g}' for c in chosen)} |", flush=True)


if __name__ == "__main__":
    main()
