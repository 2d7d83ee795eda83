#!/usr/bin/env bash
# The generated SimCLR step of the main job against the same step in PyTorch (bench/python/fashion_simclr.py),
# timed in alternating fresh processes so load from other work hits both alike.
#   bash bench/compare-step.sh [rounds=5] [steps=20]
# Rows: SslDsl as users get it (its own allocator and OpenMP settings, NativeRuntimeSettings), SslDsl with those
# settings off (SSLDSL_NATIVE_TUNING=off), PyTorch as installed, and PyTorch with the same allocator and OpenMP
# settings given through GLIBC_TUNABLES and OMP_WAIT_POLICY. Prints the median of the per-round medians.
# Needs: dotnet build bench/SslDsl.Bench.Recipe -c Release; apt-get install python3-torch (scripts/install-test-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
steps=${2:-20}
dll=bench/SslDsl.Bench.Recipe/bin/Release/net10.0/SslDsl.Bench.Recipe.dll
python=/usr/bin/python3
tuned='glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=268435456:glibc.malloc.mmap_max=0'
declare -A times
run() { # label command...
  local label=$1; shift
  local line
  line=$("$@" 2>&1 | grep -E 'median step' | tail -1)
  local t
  t=$(sed -E 's/.*median step ([0-9.]+) s.*/\1/' <<<"$line")
  times[$label]="${times[$label]:-} $t"
  echo "round $r: $label $t s/step"
}
for r in $(seq 1 "$rounds"); do
  order=(sslsdl ssldsl-off pytorch pytorch-tuned)
  if (( r % 2 == 0 )); then order=(pytorch-tuned pytorch ssldsl-off sslsdl); fi
  for o in "${order[@]}"; do
    case $o in
      sslsdl) run "SslDsl (default)" dotnet "$dll" two-convs --time-steps "$steps" ;;
      ssldsl-off) run "SslDsl, native tuning off" env SSLDSL_NATIVE_TUNING=off dotnet "$dll" two-convs --time-steps "$steps" ;;
      pytorch) run "PyTorch (default)" "$python" bench/python/fashion_simclr.py --steps "$steps" ;;
      pytorch-tuned) run "PyTorch, allocator + OMP tuned" env GLIBC_TUNABLES="$tuned" OMP_WAIT_POLICY=PASSIVE "$python" bench/python/fashion_simclr.py --steps "$steps" ;;
    esac
  done
done
echo
echo "SimCLR step (the main job: batch 256, two views, two blocks of two convolutions, 1,024 features), $rounds rounds x $steps steps, $(nproc) cores, threads: ${OMP_NUM_THREADS:-default}, load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| step | median s/step | steps/s |"
echo "|---|---|---|"
for label in "SslDsl (default)" "SslDsl, native tuning off" "PyTorch (default)" "PyTorch, allocator + OMP tuned"; do
  median=$(tr ' ' '\n' <<<"${times[$label]}" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "| $label | $median | $(awk -v m="$median" 'BEGIN {printf "%.3f", 1/m}') |"
done
