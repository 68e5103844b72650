// npm run bench [-- --large]: KL(P‖Q) of float64 inputs, timed for each
// contender at each size in one run (this machine is shared and noisy: compare
// ratios, not absolute times). Every contender first reproduces the reference
// result on the very inputs it is timed on. Writes dist/bench/kl.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { distance } from 'ml-distance';
import { init, kl } from '../dist/infodiv.js';

const SAMPLES = 9;
const MIN_SAMPLE_MS = 20;
const ROOT = new URL('../', import.meta.url);
const OUT = new URL('dist/bench/', ROOT);
const sizes = [16, 1000, 1e6, ...(process.argv.includes('--large') ? [1e7] : [])];

await init();
mkdirSync(OUT, { recursive: true });

// Deterministic inputs: positive entries normalised to sum 1, so every contender gets probabilities.
function distributionPair(n, seed) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const make = () => {
    const v = Float64Array.from({ length: n }, () => random() + 0.01);
    const total = v.reduce((a, b) => a + b, 0);
    return v.map((x) => x / total);
  };
  return [make(), make()];
}

// The reference: sum p log(p/q) with Neumaier compensation. For these inputs
// (unrelated P and Q, no cancellation to speak of) it is good to ~1e-15.
function referenceKl(p, q) {
  let s = 0, c = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i] * Math.log(p[i] / q[i]), t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

function plainLoop(p, q) {
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) s += p[i] * Math.log(p[i] / q[i]);
  return s;
}

// The same C core compiled natively, timed by bench/native.c on the same inputs.
const native = new URL('native', OUT).pathname;
execFileSync('gcc', ['-O3', '-ffp-contract=off', '-Ic/include', 'bench/native.c', 'c/src/discrete.c',
  'c/src/status.c', '-lm', '-o', native], { cwd: ROOT.pathname });
function timeNative(p, q) {
  const file = new URL(`input-${p.length}.bin`, OUT).pathname;
  const header = new BigUint64Array([BigInt(p.length)]);
  writeFileSync(file, Buffer.concat([header, p, q].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))));
  const [result, ns] = execFileSync(native, [file, String(SAMPLES)], { encoding: 'utf8' }).trim().split(' ').map(Number);
  return { result, ns };
}

function timeJs(run) {
  let reps = 1; // calibrate: one sample takes at least MIN_SAMPLE_MS
  for (;;) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) run();
    if (performance.now() - t0 >= MIN_SAMPLE_MS) break;
    reps *= 2;
  }
  const times = [];
  for (let s = 0; s < SAMPLES; s++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) run();
    times.push(((performance.now() - t0) * 1e6) / reps);
  }
  return times.sort((a, b) => a - b)[SAMPLES >> 1];
}

const version = (pkg) => JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, ROOT))).version;
const firstLine = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0].trim();
const machine = {
  cpu: `${os.cpus()[0].model} × ${os.cpus().length}`, node: process.version,
  infodiv: JSON.parse(readFileSync(new URL('package.json', ROOT))).version, 'ml-distance': version('ml-distance'),
  emcc: `emcc ${/\d+\.\d+\.\d+/.exec(firstLine('emcc', ['--version']))}`, gcc: firstLine('gcc', ['--version']),
};

const rows = [];
for (const n of sizes) {
  const [p, q] = distributionPair(n, 12345 + n);
  const reference = referenceKl(p, q);
  const contenders = [
    ['plain JS loop', () => plainLoop(p, q)],
    [`ml-distance ${machine['ml-distance']} kullbackLeibler`, () => distance.kullbackLeibler(p, q)],
    ['infodiv, arrays copied in', () => kl(p, q)],
  ];
  const measured = contenders.map(([name, run]) => {
    const result = run();
    if (!(Math.abs(result - reference) <= 1e-9 * reference)) throw new Error(`${name} gives ${result}, not ${reference} (n = ${n})`);
    return { name, ns: timeJs(run) };
  });
  const nat = timeNative(p, q);
  if (!(Math.abs(nat.result - reference) <= 1e-9 * reference)) throw new Error(`native gives ${nat.result}, not ${reference}`);
  measured.push({ name: 'infodiv C core, native gcc -O3', ns: nat.ns });
  const plain = measured[0].ns;
  for (const m of measured) rows.push({ n, contender: m.name, nsPerCall: m.ns, nsPerElement: m.ns / n, vsPlainJs: m.ns / plain });
}

console.log(`KL(P‖Q), float64, median of ${SAMPLES} samples. ${Object.entries(machine).map(([k, v]) => `${k}: ${v}`).join('; ')}\n`);
const header = ['n', 'contender', 'ns/call', 'ns/element', '× plain JS'];
const table = rows.map((r) => [String(r.n), r.contender, r.nsPerCall.toFixed(0), r.nsPerElement.toPrecision(3), r.vsPlainJs.toFixed(2)]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log([line(header), `|${widths.map((w, i) => (i === 1 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...table.map(line)].join('\n'));
writeFileSync(new URL('kl.json', OUT), JSON.stringify({ machine, samples: SAMPLES, rows }, null, 1));
console.log(`\nwritten: ${new URL('kl.json', OUT).pathname}`);
