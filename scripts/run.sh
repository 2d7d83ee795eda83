#!/usr/bin/env bash
# The main job: installs Fashion-MNIST if missing, pretrains SimCLR on the 60,000 training images
# (CPU when no GPU), then reports linear-probe test accuracy next to a raw-pixel baseline.
# Extra arguments go to the sample (see --help), e.g. --epochs 2 --out out/quick
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/fetch-data.sh
dotnet run --project samples/FashionMnist.SimClr -c Release -- "$@"
