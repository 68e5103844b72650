// Makes one ES module of Emscripten's output: the .js loader with the .wasm
// embedded as base64 and handed to it as `wasmBinary`, so that nothing is
// fetched. (-sSINGLE_FILE embeds it too, but then fetches it from a data: URL,
// which a page's Content-Security-Policy blocks unless connect-src allows data:.)
// Usage: node scripts/embed-wasm.mjs LOADER.js MODULE.wasm OUT.js
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [loaderPath, wasmPath, outPath] = process.argv.slice(2);
let loader = readFileSync(loaderPath, 'utf8');
const wasm = readFileSync(wasmPath);

// Replaces exactly one occurrence, so that a different emcc fails here, loudly.
function replaceOnce(text, find, by) {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`embed-wasm: expected "${find}" once in ${loaderPath}`);
  return text.slice(0, at) + by + text.slice(at + find.length);
}

// The loader's default location of the .wasm, never used here, would make
// bundlers look for (and copy) a file that is not shipped.
const name = JSON.stringify(basename(wasmPath));
loader = replaceOnce(loader, `new URL(${name},import.meta.url).toString()`, name);
const factory = /export default (\w+);/.exec(loader)?.[1];
if (!factory) throw new Error(`embed-wasm: no default export in ${loaderPath}`);
loader = replaceOnce(loader, `export default ${factory};`, '');
writeFileSync(outPath, `${loader}
const WASM_BASE64 = '${wasm.toString('base64')}';

// The wasm's bytes: Uint8Array.fromBase64 where there is one; else a plain
// loop over atob's text (Uint8Array.from with a mapping function calls it
// per byte through the string's iterator, a quarter of a second on a slow phone).
function wasmBytes() {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(WASM_BASE64);
  const text = atob(WASM_BASE64), bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The core's factory, given the embedded wasm. */
export default function create(options = {}) {
  return ${factory}({ ...options, wasmBinary: wasmBytes() });
}
`);
