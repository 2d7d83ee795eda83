#!/usr/bin/env bash
# Installs the tools the tests use besides .NET. Idempotent: run it as often as you like.
#
#   scripts/install-test-tools.sh
#
# Installs with apt-get (Debian/Ubuntu):
#   python3-torch  -> /usr/bin/python3 with PyTorch: the interop tests load SslDsl's PyTorch exports in it
#                     and write weights from it for SslDsl to load (tests/SslDsl.Tests/Interop)
#   openmpi-bin    -> mpiexec and libmpi.so.40: the data-parallel tests start 2 and 3 ranks with it on this
#                     machine (tests/SslDsl.Tests/Distributed; docs/distributed.md)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOG_PREFIX=install-test-tools
# shellcheck source=lib/apt.sh
source "$repo_root/scripts/lib/apt.sh"

apt_install python3-torch openmpi-bin
/usr/bin/python3 -c 'import torch; print(f"install-test-tools: Python PyTorch {torch.__version__} at /usr/bin/python3")'
mpiexec --version 2>&1 | sed -n '1s/^/install-test-tools: /p'
