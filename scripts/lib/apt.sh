# Shared apt helpers for the scripts/ steps (sourced, not run). Each caller sets LOG_PREFIX first.
#   apt_install PKG...   installs the packages not installed yet (apt-get update first only when one is unknown)
#   apt_knows PKG        true when apt knows a candidate version of PKG
#   apt_update_once      apt-get update, at most once per script run

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
else
  SUDO=(sudo)
fi

updated=0
apt_update_once() {
  if [ "$updated" -eq 0 ]; then
    echo "${LOG_PREFIX:-apt}: apt-get update"
    "${SUDO[@]}" apt-get update -qq
    updated=1
  fi
}

apt_knows() {
  local candidate
  candidate="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

apt_install() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "${LOG_PREFIX:-apt}: already installed: $*"
    return 0
  fi
  for pkg in "${missing[@]}"; do
    if ! apt_knows "$pkg"; then
      apt_update_once
      break
    fi
  done
  echo "${LOG_PREFIX:-apt}: apt-get install ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
