#!/usr/bin/env bash
# Runs every test of the solution (Release), writing one TRX file per test project to .ci/results.
# Installs the data the tests read (scripts/fetch-data.sh) and the tools they use (scripts/install-test-tools.sh) first.
#
# Then it runs the tests that are sensitive to libtorch's thread count again, with 1 and with 2 torch
# threads (OMP_NUM_THREADS): training tasks with convolutional decoders, multi-task pretraining, the
# MAE sample and the convolution back-end checks. A CPU whose convolution back end is wrong for some
# thread count (the AMD EPYC oneDNN fault, docs/numerics.md) then fails CI whatever its core count.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/fetch-data.sh
bash scripts/install-test-tools.sh
rm -rf .ci/results
status=0
dotnet test SslDsl.sln -c Release --logger "trx" --results-directory .ci/results "$@" || status=$?

thread_sensitive=(
  "tests/SslDsl.Tests|FullyQualifiedName~SslDsl.Tests.Numerics"
  "tests/SslDsl.Generators.Tests|FullyQualifiedName~PredictionAndReconstructionTrainingTests|FullyQualifiedName~MultiTaskPretraining"
  "tests/SslDsl.Samples.Tests|FullyQualifiedName~FashionMaeSampleTests.OneShortRun"
)
for threads in 1 2; do
  for entry in "${thread_sensitive[@]}"; do
    project=${entry%%|*}
    filter=${entry#*|}
    name=$(basename "$project")
    echo "== $name with OMP_NUM_THREADS=$threads: $filter"
    OMP_NUM_THREADS=$threads dotnet test "$project" -c Release --no-build --filter "$filter" \
      --logger "trx;LogFileName=${name}.omp${threads}.trx" --results-directory .ci/results || status=1
  done
done
exit $status
