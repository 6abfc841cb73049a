#!/usr/bin/env bash
# The README's second command: build everything, run each fuzzer for a few
# seconds, then every test (unit, golden, end-to-end) with ctest.
# Tests that need ../shared (evaluation data) skip with a reason when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
jobs=$(nproc)

# Fuzz smoke: every libFuzzer target (clang, ASan+UBSan), a few seconds each.
if [ "${STORYLINE_SKIP_FUZZ:-0}" != 1 ]; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -- -j"$jobs" | tail -n 1
  shopt -s nullglob
  for f in build/fuzz/fuzz/*_fuzz; do
    name=$(basename "$f")
    work=$(mktemp -d)
    seeds=()
    [ -d "fuzz/corpus/${name%_fuzz}" ] && seeds=("fuzz/corpus/${name%_fuzz}")
    echo "fuzz: $name"
    "$f" -max_total_time="${STORYLINE_FUZZ_SECONDS:-5}" -max_len=65536 -rss_limit_mb=4096 \
      "$work" "${seeds[@]}" 2>&1 | tail -n 1
    rm -rf "$work"
  done
fi

cmake --preset release -DSTORYLINE_BUILD_TESTS=ON -DSTORYLINE_BUILD_BENCH=ON >/dev/null
cmake --build --preset release -- -j"$jobs" | tail -n 1
ctest --test-dir build/release --output-on-failure --no-tests=error -j"$jobs" --timeout 900
