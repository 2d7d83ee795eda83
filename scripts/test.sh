#!/usr/bin/env bash
# Runs every test of the solution (Release), writing one TRX file per test project to .ci/results.
# Installs the data the tests read first (scripts/fetch-data.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/fetch-data.sh
rm -rf .ci/results
dotnet test SslDsl.sln -c Release --logger "trx" --results-directory .ci/results "$@"
