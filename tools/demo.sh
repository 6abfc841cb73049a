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
echo "\$ storyline articles wire-0419-c --sentences"
"$bin" articles --db storyline.db wire-0419-c --sentences
