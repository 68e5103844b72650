#!/usr/bin/env bash
# The one build entry: compiles the C core to WebAssembly, assembles the npm
# package in dist/ and the explorer page in dist/site/. Installs what is
# missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh

# Debian's emcc 3.1.6 runs its JS optimiser with this Node; it finds its
# modules (acorn, terser) only through NODE_PATH.
export NODE_PATH=/usr/share/nodejs

SOURCES=(c/src/discrete.c c/src/continuous.c c/src/samples.c c/src/special.c c/src/status.c c/wasm/heap.c)

# Speed, and no fused multiply-add: TwoSum/TwoProduct must see every rounding.
OPTIMISE=(-O3 -ffp-contract=off)
# Two lanes of WebAssembly SIMD for the fast kernels (c/src/vec.h); every
# current browser and Node >= 16 run it.
SIMD=(-msimd128)
# One ES module exporting a factory; no globals on the page.
MODULE=(-sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createInfodivCore)
# The web loader, which also runs in Node (3.1.6's Node loader needs __dirname,
# absent in ES modules); scripts/embed-wasm.mjs then embeds the .wasm in it, so
# it loads in Node, browsers and bundlers with no file to locate or fetch.
PORTABLE=(-sENVIRONMENT=web,worker)
# Large inputs grow the heap (up to the 2 GiB default maximum).
MEMORY=(-sALLOW_MEMORY_GROWTH=1)
# Only the functions the binding calls; no file system or runtime extras.
SURFACE=(-sEXPORTED_FUNCTIONS=@c/exports.txt -sFILESYSTEM=0 -sSUPPORT_ERRNO=0)
WARNINGS=(-Wall -Wextra -Werror)

mkdir -p dist/build
emcc -Ic/include "${OPTIMISE[@]}" "${SIMD[@]}" "${MODULE[@]}" "${PORTABLE[@]}" "${MEMORY[@]}" \
  "${SURFACE[@]}" "${WARNINGS[@]}" "${SOURCES[@]}" -o dist/build/infodiv-core.js
node scripts/embed-wasm.mjs dist/build/infodiv-core.js dist/build/infodiv-core.wasm dist/infodiv-core.js
cp web/lib/infodiv.js web/lib/infodiv.d.ts dist/
# For the tests only: the same core without SIMD and without the fast path
# of KL, which tests/js/paths.test.js checks the shipped one against.
mkdir -p dist/test
emcc -Ic/include "${OPTIMISE[@]}" -DINFODIV_NO_FAST_PATH "${MODULE[@]}" "${PORTABLE[@]}" "${MEMORY[@]}" \
  "${SURFACE[@]}" "${WARNINGS[@]}" -Wno-unused-function "${SOURCES[@]}" -o dist/build/infodiv-core-general.js
node scripts/embed-wasm.mjs dist/build/infodiv-core-general.js dist/build/infodiv-core-general.wasm dist/test/infodiv-core-general.js

# The explorer page and its iframe embed, bundled by Vite into dist/site/;
# then <kl-explorer> as one self-contained script, dist/kl-explorer.js, which
# the site also serves, with the example blog post that uses it.
npx vite build --config web/explorer/vite.config.js --logLevel warn
npx vite build --config web/explorer/vite.embed.config.js --logLevel warn
cp web/explorer/kl-explorer.d.ts web/explorer/kl-explorer-react.d.ts dist/
cp dist/kl-explorer.js dist/site/
cp -r examples dist/site/

echo "built:"
for f in dist/infodiv-core.js dist/infodiv.js dist/infodiv.d.ts dist/kl-explorer.js dist/site/*.html dist/site/assets/*; do
  printf '  %-40s %8d bytes\n' "$f" "$(wc -c <"$f")"
done
