// Timing split at small n: plain loop, full infodiv call, and the bare C call
// on data already in the wasm heap (a second instance of the core).
import * as infodiv from '../dist/infodiv.js';
import createCore from '../dist/infodiv-core.js';
import { lcg } from './timing.mjs';
await infodiv.init();
const core = await createCore();
const n = Number(process.argv[2] || 16);
const r = lcg(7);
const mk = () => { const v = Float64Array.from({ length: n }, () => r() + 0.01); const t = v.reduce((a, b) => a + b); return v.map((x) => x / t); };
const p = mk(), q = mk();
const la = Float64Array.from({ length: n }, () => 8 * r() - 4), lb = Float64Array.from({ length: n }, () => 8 * r() - 4);
const at = core._malloc(8 * 4 * n + 256), out = at + 32 * n, err = out + 64;
core.HEAPF64.set(p, at / 8); core.HEAPF64.set(q, at / 8 + n);
core.HEAPF64.set(la, at / 8 + 2 * n); core.HEAPF64.set(lb, at / 8 + 3 * n);
const A = at, B = at + 8 * n, LA = at + 16 * n, LB = at + 24 * n;
function time(f) {
  let reps = 1;
  for (;;) { const t0 = performance.now(); for (let i = 0; i < reps; i++) f(); if (performance.now() - t0 > 20) break; reps *= 2; }
  const ts = [];
  for (let s = 0; s < 9; s++) { const t0 = performance.now(); for (let i = 0; i < reps; i++) f(); ts.push((performance.now() - t0) * 1e6 / reps); }
  return ts.sort((a, b) => a - b)[4];
}
let sink = 0;
const plain = {
  entropy: () => { let s = 0; for (let i = 0; i < n; i++) if (p[i] > 0) s -= p[i] * Math.log(p[i]); sink += s; },
  kl: () => { let s = 0; for (let i = 0; i < n; i++) if (p[i] > 0) s += p[i] * Math.log(p[i] / q[i]); sink += s; },
};
const L = { logits: true };
const rows = [
  ['entropy', () => sink += infodiv.entropy(p), () => core._infodiv_entropy(A, n, 0, out, err)],
  ['crossEntropy', () => sink += infodiv.crossEntropy(p, q), () => core._infodiv_cross_entropy(A, B, n, 0, out, err)],
  ['kl', () => sink += infodiv.kl(p, q), () => core._infodiv_kl(A, B, n, 0, out, err)],
  ['js', () => sink += infodiv.jsDivergence(p, q), () => core._infodiv_js(A, B, n, 0, out, err)],
  ['measures', () => sink += infodiv.measures(p, q).js, () => core._infodiv_measures(A, B, n, 0, out, err)],
  ['klTerms', () => sink += infodiv.klTerms(p, q)[0], () => core._infodiv_kl_terms(A, B, n, 0, out + 0, err)],
  ['kl logits', () => sink += infodiv.kl(la, lb, L), () => core._infodiv_kl_logits(LA, LB, n, 1, 0, out, err)],
  ['measures logits', () => sink += infodiv.measures(la, lb, L).js, () => core._infodiv_measures_logits(LA, LB, n, 1, 0, out, err)],
];
console.log(`n = ${n}: plain entropy ${time(plain.entropy).toFixed(0)} ns, plain kl ${time(plain.kl).toFixed(0)} ns`);
console.log('function         | full call | bare C | JS side');
for (const [name, full, bare] of rows) {
  const tf = time(full), tb = time(bare);
  console.log(`${name.padEnd(16)} | ${tf.toFixed(0).padStart(9)} | ${tb.toFixed(0).padStart(6)} | ${(tf - tb).toFixed(0).padStart(7)}`);
}
if (sink === 42) console.log('');
