#!/usr/bin/env bash
# Runs every benchmark of docs/benchmarks.md, one heavy thing at a time, logging to out/bench/<name>.log.
# Usage: bash bench/run-all.sh [encoder-file]   (without a file the label-efficiency run pretrains its own encoder)
# Sections can be chosen with BENCH_ONLY="micro generator memory labels data" (default: all five); "samples" (the MAE
# and MLM samples against their untrained architecture on validation, section 10; about 20 CPU minutes) and "text" (the
# text methods table of docs/samples.md; about 25 CPU minutes) run only when named.
set -euo pipefail
cd "$(dirname "$0")/.."
encoder="${1:-}"
only="${BENCH_ONLY:-micro generator memory labels data}"
mkdir -p out/bench
# One torch thread unless told otherwise: on a 2-core machine shared with other processes, libtorch's
# 2-thread intra-op pool spends its time waiting for a core (a SimCLR step: 0.66 s with 1 thread,
# 1.4-2.0 s with 2; batched augmentations up to 25x slower). See docs/benchmarks.md.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
want() { [[ " $only " == *" $1 "* ]]; }
run() { local name=$1; shift; echo "== $name: $*"; "$@" 2>&1 | tee "out/bench/$name.log"; }

for p in Micro Generator Memory LabelEfficiency Data; do
  dotnet build "bench/SslDsl.Bench.$p" -c Release -v:q -nologo
done
bin() { echo "bench/SslDsl.Bench.$1/bin/Release/net10.0/SslDsl.Bench.$1.dll"; }

if want micro; then
  run step-interleaved dotnet "$(bin Micro)" --interleaved 10 3
  run step-bdn dotnet "$(bin Micro)" --filter '*TrainerStepBenchmarks*'
  run augmentation-bdn dotnet "$(bin Micro)" --filter '*AugmentationBenchmarks*'
  run augmentation-breakdown dotnet "$(bin Micro)" --augment-breakdown
fi
if want generator; then
  run generator-bdn dotnet "$(bin Generator)"
fi
if want memory; then
  run memory dotnet "$(bin Memory)" 10000 8
fi
if want labels; then
  # The 1 % and 10 % rows of docs/benchmarks.md, section 1 (the 100 % row: --fractions 1.0 with the default --steps).
  if [[ -n "$encoder" ]]; then
    run label-efficiency dotnet "$(bin LabelEfficiency)" --encoder "$encoder" --fractions 0.01,0.1 --steps 600
  else
    run label-efficiency dotnet "$(bin LabelEfficiency)" --fractions 0.01,0.1 --steps 600
  fi
fi
if want data; then
  # Streaming data (docs/benchmarks.md, section 6): folders written to /tmp, removed afterwards.
  tmp="$(mktemp -d)"
  bash scripts/fashion-mnist-png.sh "$tmp/fashion-png" >/dev/null
  mkdir -p "$tmp/photos" && cp .data/skimage/data/*.{png,jpg,gif} .data/sklearn/datasets/images/*.jpg "$tmp/photos/"
  run decoders-fashion dotnet "$(bin Data)" decoders "$tmp/fashion-png/test" 1 28 5000
  run decoders-photos dotnet "$(bin Data)" decoders "$tmp/photos" 3 64
  run loader dotnet "$(bin Data)" loader "$tmp/fashion-png/train" 20000 20
  dotnet "$(bin Data)" make-flat "$tmp/flat200k" 200000
  run data-memory dotnet "$(bin Data)" memory "$tmp/flat200k" 2 2
  rm -rf "$tmp"
fi
if want samples; then
  dotnet build bench/SslDsl.Bench.SampleRecipes -c Release -v:q -nologo
  run sample-recipes-mae dotnet "$(bin SampleRecipes)" mae sample --epochs 0 --seeds 42,43
  run sample-recipes-mae-pretrained dotnet "$(bin SampleRecipes)" mae sample --seeds 42,43
  run sample-recipes-mlm dotnet "$(bin SampleRecipes)" mlm sample --epochs 0 --seeds 42,43
  run sample-recipes-mlm-pretrained dotnet "$(bin SampleRecipes)" mlm sample mask15 --seeds 42,43
fi
if want text; then
  dotnet build bench/SslDsl.Bench.SampleRecipes -c Release -v:q -nologo
  run text-methods dotnet "$(bin SampleRecipes)" text --seeds 42,43
fi
