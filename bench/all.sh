#!/usr/bin/env bash
# npm run bench [-- --large] [-- --only=kl,measures]: builds, then times every
# exported function against plain JS (bench/run.mjs takes the options; then
# bench/draws.mjs and bench/others.mjs). npm appends a script's arguments to
# its last command, so they come here and go to run.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build.sh
node bench/run.mjs "$@"
node bench/draws.mjs
node bench/others.mjs
