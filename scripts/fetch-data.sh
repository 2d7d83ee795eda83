#!/usr/bin/env bash
# Fetches the real data sets SslDsl's samples and data tests use. Idempotent: run it as often as you like.
#
#   scripts/fetch-data.sh [DATA_DIR]
#
# Installs with apt-get (Debian/Ubuntu):
#   dataset-fashion-mnist  -> /usr/share/datasets/fashion-mnist   (images)
#   fortunes-min, fortunes -> /usr/share/games/fortunes            (text)
# Downloads and unpacks (no install, no Python needed) into DATA_DIR:
#   python3-sklearn        -> DATA_DIR/sklearn/datasets/data/{breast_cancer,wine_data,iris}.csv   (tabular)
#   python3-statsmodels    -> DATA_DIR/statsmodels/datasets/<name>/*.csv                         (time series)
#   python3-skimage        -> DATA_DIR/skimage/data/*.{png,jpg,gif,tif}                          (photographs)
#   python3-sklearn        -> DATA_DIR/sklearn/datasets/images/{china,flower}.jpg                (photographs)
# DATA_DIR defaults to $SSLDSL_DATA, else <repo>/.data (git-ignored).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="${1:-${SSLDSL_DATA:-$repo_root/.data}}"
mkdir -p "$data_dir"
data_dir="$(cd "$data_dir" && pwd)"

LOG_PREFIX=fetch-data
# shellcheck source=lib/apt.sh
source "$repo_root/scripts/lib/apt.sh"

# Downloads package $1's .deb (without installing it) and unpacks the folder $2 of it into data_dir/$3.
# $4 is a file whose presence means the work is already done.
unpack_deb() {
  local pkg="$1" inner="$2" target="$3" marker="$4"
  if [ -e "$data_dir/$target/$marker" ]; then
    echo "fetch-data: already unpacked: $data_dir/$target"
    return 0
  fi
  if ! apt_knows "$pkg"; then
    apt_update_once
  fi
  local work
  work="$(mktemp -d)"
  # apt-get download writes to the current folder; the _apt user must be able to write there.
  chmod 777 "$work"
  (cd "$work" && apt-get download -qq "$pkg" >/dev/null 2>&1) || {
    apt_update_once
    (cd "$work" && apt-get download -qq "$pkg")
  }
  dpkg-deb -x "$work"/"$pkg"_*.deb "$work/root"
  local source
  source="$(find "$work/root" -type d -path "*/$inner" | head -n 1)"
  if [ -z "$source" ]; then
    echo "fetch-data: error: $pkg has no folder '$inner'" >&2
    rm -rf "$work"
    exit 1
  fi
  rm -rf "${data_dir:?}/$target"
  mkdir -p "$(dirname "$data_dir/$target")"
  cp -r "$source" "$data_dir/$target"
  rm -rf "$work"
  echo "fetch-data: unpacked $pkg into $data_dir/$target"
}

apt_install dataset-fashion-mnist fortunes-min fortunes

unpack_deb python3-sklearn "sklearn/datasets/data" "sklearn/datasets/data" "breast_cancer.csv"
unpack_deb python3-statsmodels "statsmodels/datasets" "statsmodels/datasets" "sunspots/sunspots.csv"
unpack_deb python3-sklearn "sklearn/datasets/images" "sklearn/datasets/images" "china.jpg"
unpack_deb python3-skimage "skimage/data" "skimage/data" "astronaut.png"

echo
echo "Data ready:"
echo "  images  (Fashion-MNIST): /usr/share/datasets/fashion-mnist"
echo "  text    (fortunes):      /usr/share/games/fortunes"
echo "  tabular (scikit-learn):  $data_dir/sklearn/datasets/data"
echo "  series  (statsmodels):   $data_dir/statsmodels/datasets"
echo "  photos  (scikit-image, scikit-learn): $data_dir/skimage/data, $data_dir/sklearn/datasets/images"
echo "Tests find the last three through SSLDSL_DATA (default: $repo_root/.data)."
