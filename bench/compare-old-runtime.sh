#!/usr/bin/env bash
# The recipe of the main job before issue 11 ("old": SmallCnn width 16, batch 256, two views), one generated step timed
# by the runtime of commit 8e2afa3 (its Micro bench, median generated Trainer.Step) and by the current runtime (the
# recipe bench's "old" variant), in alternating fresh processes so load from other work hits both alike.
#   git worktree add /tmp/base 8e2afa3 && dotnet build /tmp/base/bench/SslDsl.Bench.Micro -c Release
#   dotnet build bench/SslDsl.Bench.Recipe -c Release
#   bash bench/compare-old-runtime.sh /tmp/base [rounds=3] [precision=float32|mixed-bf16|auto]
# The precision applies to the current runtime only (the old one had float32 alone); float32 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: compare-old-runtime.sh BASE_WORKTREE [rounds]}
rounds=${2:-3}
precision=${3:-float32}
old() { echo "round $1, runtime of 8e2afa3: $(dotnet "$base/bench/SslDsl.Bench.Micro/bin/Release/net10.0/SslDsl.Bench.Micro.dll" --interleaved 2 6 2>&1 | grep -i '| generated Trainer.Step' | tail -1)"; }
new() { echo "round $1, current runtime: $(dotnet bench/SslDsl.Bench.Recipe/bin/Release/net10.0/SslDsl.Bench.Recipe.dll old --time-steps 12 --precision "$precision" 2>&1 | grep 'median step')"; }
for r in $(seq 1 "$rounds"); do
  if (( r % 2 == 1 )); then old "$r"; new "$r"; else new "$r"; old "$r"; fi
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
