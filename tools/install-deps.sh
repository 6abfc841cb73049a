#!/usr/bin/env bash
# Installs the Debian 12 packages storyline builds with (as root). Does
# nothing when they are all present already.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git clang
  libicu-dev libsqlite3-dev libgumbo-dev zlib1g-dev libzstd-dev libuchardet-dev
  libxxhash-dev libstemmer-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev libclang-rt-14-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
