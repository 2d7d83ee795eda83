#!/usr/bin/env bash
# Packs the SslDsl NuGet package (runtime + generator + analyzers + code fixes + native-library fix) and, beside
# it with the same version, SslDsl.Templates (the dotnet new templates, templates/SslDsl.Templates).
#   bash scripts/pack.sh [VERSION] [OUTPUT_DIR] [extra dotnet pack arguments...]
# VERSION defaults to the repository's <Version> (Directory.Build.props); OUTPUT_DIR to artifacts/packages.
# SSLDSL_PACK_CONFIGURATION picks the build configuration (default Release).
# Example: bash scripts/pack.sh 0.2.0-preview.1 artifacts/packages -p:SslDslTorchBackend=cuda
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-}"
out="${2:-artifacts/packages}"
shift $(( $# < 2 ? $# : 2 ))
common=(-c "${SSLDSL_PACK_CONFIGURATION:-Release}" -o "$out" -nologo)
if [[ -n "$version" ]]; then
  common+=("-p:Version=$version")
fi
dotnet pack src/SslDsl/SslDsl.csproj "${common[@]}" "$@"
dotnet pack templates/SslDsl.Templates/SslDsl.Templates.csproj "${common[@]}" "$@"
echo "Packages in $out:"
ls -1 "$out"/*.nupkg
