#!/usr/bin/env bash
# Writes Fashion-MNIST as PNG class folders (an image folder like any user's): OUT/train/<class>/NNNNN.png and
# OUT/test/<class>/NNNNN.png, classes named 00-T-shirt_top .. 09-Ankle boot, pixels exactly those of the IDX files.
#
#   scripts/fashion-mnist-png.sh [OUT] [LIMIT]
#
# OUT defaults to $SSLDSL_DATA/fashion-mnist-png (else <repo>/.data/fashion-mnist-png); LIMIT keeps the first LIMIT
# images of each split. Installs the data first (scripts/fetch-data.sh). Then pretrain on it with
#   dotnet run --project samples/ImageFolder.SimClr -c Release -- --folder OUT
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="${SSLDSL_DATA:-$repo_root/.data}"
out="${1:-$data_dir/fashion-mnist-png}"
limit="${2:-}"
bash "$repo_root/scripts/fetch-data.sh" >/dev/null
if [ -d "$out/train" ] && [ -d "$out/test" ] && [ -z "$limit" ] && [ "$(find "$out/train" -name '*.png' | wc -l)" -eq 60000 ]; then
  echo "fashion-mnist-png: already written: $out"
  exit 0
fi
rm -rf "$out/train" "$out/test"
args=(--export "$out")
if [ -n "$limit" ]; then
  args+=(--limit "$limit")
fi
dotnet run --project "$repo_root/samples/ImageFolder.SimClr" -c Release -- "${args[@]}"
