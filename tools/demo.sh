#!/usr/bin/env bash
# The README's first command: install, build, and run the main job on the
# example articles the project ships (examples/articles).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target storyline_cli -- -j"$(nproc)" | tail -n 1
bin=build/release/apps/storyline
echo
echo "\$ storyline ingest examples/articles"
"$bin" ingest --db storyline.db examples/articles
echo
echo "\$ storyline articles"
"$bin" articles --db storyline.db
echo
echo "\$ storyline stories 1"
"$bin" stories --db storyline.db 1
echo
echo "\$ storyline articles wire-0419-c --sentences"
"$bin" articles --db storyline.db wire-0419-c --sentences
echo
echo "\$ storyline times wire-0419-c"
"$bin" times --db storyline.db wire-0419-c
echo
echo "\$ storyline timeline largest"
"$bin" timeline --db storyline.db largest
