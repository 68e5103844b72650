// npm run bench [-- --large] [-- --only=kl,measures | --only=logits]: every exported measure
// of discrete distributions against the plain JS loop a user would write for
// it, at n = 16, 1000 and 10^6 (10^7 with --large), all in one run. This
// machine is shared and noisy: compare ratios, not absolute times. Every
// contender first reproduces a compensated reference result (within 1e-9) on
// the very inputs it is timed on. One table per function, the targets of
// issue 15 checked below each; KL also against the same C core built
// natively. Writes dist/bench/bench.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { distance } from 'ml-distance';
import * as infodiv from '../dist/infodiv.js';
import { SAMPLES, copied, lcg, measure, mismatch, printTable } from './timing.mjs';

const ROOT = new URL('../', import.meta.url);
const OUT = new URL('dist/bench/', ROOT);
const sizes = [16, 1000, 1e6, ...(process.argv.includes('--large') ? [1e7] : [])];
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const COLS = { 16: 16, 1000: 10, 1000000: 1000, 10000000: 1000 }; // rows functions: n entries as n/cols rows

await infodiv.init();
mkdirSync(OUT, { recursive: true });

// Deterministic inputs: positive entries, each row normalised to sum 1, so every contender gets probabilities.
function distributionPair(n, seed, cols = n) {
  const random = lcg(seed);
  const make = () => {
    const v = Float64Array.from({ length: n }, () => random() + 0.01);
    for (let s = 0; s < n; s += cols) {
      let total = 0;
      for (let i = s; i < s + cols; i++) total += v[i];
      for (let i = s; i < s + cols; i++) v[i] /= total;
    }
    return v;
  };
  return [make(), make()];
}

// Logits in [-4, 4): softmax weights within a factor e^8.
function logitPair(n, seed) {
  const random = lcg(seed);
  return [Float64Array.from({ length: n }, () => 8 * random() - 4), Float64Array.from({ length: n }, () => 8 * random() - 4)];
}

// Neumaier-compensated sum of f(i) for i in [start, end).
function compensatedSum(start, end, f) {
  let s = 0, c = 0;
  for (let i = start; i < end; i++) {
    const x = f(i), t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

const MEASURE_NAMES = ['entropyP', 'entropyQ', 'crossEntropyPQ', 'crossEntropyQP', 'klPQ', 'klQP', 'js'];

// The references: the textbook sums, compensated. For these inputs (no
// cancellation to speak of) they are good to ~1e-15.
function referenceMeasures(p, q, start = 0, end = p.length) {
  const lp = (i) => Math.log(p[i]), lq = (i) => Math.log(q[i]), lm = (i) => Math.log((p[i] + q[i]) / 2);
  return {
    entropyP: -compensatedSum(start, end, (i) => p[i] * lp(i)),
    entropyQ: -compensatedSum(start, end, (i) => q[i] * lq(i)),
    crossEntropyPQ: -compensatedSum(start, end, (i) => p[i] * lq(i)),
    crossEntropyQP: -compensatedSum(start, end, (i) => q[i] * lp(i)),
    klPQ: compensatedSum(start, end, (i) => p[i] * (lp(i) - lq(i))),
    klQP: compensatedSum(start, end, (i) => q[i] * (lq(i) - lp(i))),
    js: 0.5 * compensatedSum(start, end, (i) => p[i] * (lp(i) - lm(i)) + q[i] * (lq(i) - lm(i))),
  };
}

// softmax of a[start, end), in double, as a new array.
function softmax(a, start = 0, end = a.length) {
  let m = -Infinity;
  for (let i = start; i < end; i++) if (a[i] > m) m = a[i];
  const e = Float64Array.from({ length: end - start }, (_, j) => Math.exp(a[start + j] - m));
  const z = compensatedSum(0, e.length, (j) => e[j]);
  return e.map((v) => v / z);
}

function referenceMeasuresLogits(a, b, start = 0, end = a.length) {
  return referenceMeasures(softmax(a, start, end), softmax(b, start, end));
}

// ---- The plain loops, one function per shape so that each stays monomorphic ----

function plainEntropy(p) {
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) s -= p[i] * Math.log(p[i]);
  return s;
}

function plainCrossEntropy(p, q) {
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) s -= p[i] * Math.log(q[i]);
  return s;
}

function plainKl(p, q) {
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) s += p[i] * Math.log(p[i] / q[i]);
  return s;
}

function plainJs(p, q) {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i], y = q[i], m = (x + y) / 2;
    if (x > 0) s += x * Math.log(x / m);
    if (y > 0) s += y * Math.log(y / m);
  }
  return s / 2;
}

function plainKlTerms(p, q) {
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = p[i] > 0 ? p[i] * Math.log(p[i] / q[i]) : 0;
  return out;
}

// The seven in one loop over [start, end): three logs per entry.
function plainMeasures(p, q, start = 0, end = p.length) {
  let hp = 0, hq = 0, cpq = 0, cqp = 0, js = 0;
  for (let i = start; i < end; i++) {
    const x = p[i], y = q[i], lx = Math.log(x), ly = Math.log(y), lm = Math.log((x + y) / 2);
    hp -= x * lx;
    hq -= y * ly;
    cpq -= x * ly;
    cqp -= y * lx;
    js += x * (lx - lm) + y * (ly - lm);
  }
  return { entropyP: hp, entropyQ: hq, crossEntropyPQ: cpq, crossEntropyQP: cqp, klPQ: cpq - hp, klQP: cqp - hq, js: js / 2 };
}

function plainKlRows(p, q, cols) {
  const out = new Float64Array(p.length / cols);
  for (let r = 0; r < out.length; r++) {
    let s = 0;
    for (let i = r * cols, end = i + cols; i < end; i++) if (p[i] > 0) s += p[i] * Math.log(p[i] / q[i]);
    out[r] = s;
  }
  return out;
}

function plainMeasuresRows(p, q, cols) {
  const rows = p.length / cols, out = Object.fromEntries(MEASURE_NAMES.map((k) => [k, new Float64Array(rows)]));
  for (let r = 0; r < rows; r++) {
    const m = plainMeasures(p, q, r * cols, r * cols + cols);
    for (const k of MEASURE_NAMES) out[k][r] = m[k];
  }
  return out;
}

// Log-softmax of one vector's [start, end) in place into lp (two passes: max, then sum of exp).
function logSoftmax(a, start, end, lp) {
  let m = -Infinity;
  for (let i = start; i < end; i++) if (a[i] > m) m = a[i];
  let z = 0;
  for (let i = start; i < end; i++) z += Math.exp(a[i] - m);
  const l = m + Math.log(z);
  for (let i = start; i < end; i++) lp[i - start] = a[i] - l;
}

// Logits: log-softmax of each (two passes and one exp per entry), then the
// probability loop on exp(log p) and the log-probabilities.
function plainLogitsKl(a, b, start = 0, end = a.length, la = new Float64Array(end - start), lb = new Float64Array(end - start)) {
  logSoftmax(a, start, end, la);
  logSoftmax(b, start, end, lb);
  let s = 0;
  for (let i = 0; i < la.length; i++) s += Math.exp(la[i]) * (la[i] - lb[i]);
  return s;
}

function plainLogitsEntropy(a) {
  const la = new Float64Array(a.length);
  logSoftmax(a, 0, a.length, la);
  let s = 0;
  for (let i = 0; i < la.length; i++) s -= Math.exp(la[i]) * la[i];
  return s;
}

function plainLogitsCrossEntropy(a, b) {
  const la = new Float64Array(a.length), lb = new Float64Array(b.length);
  logSoftmax(a, 0, a.length, la);
  logSoftmax(b, 0, b.length, lb);
  let s = 0;
  for (let i = 0; i < la.length; i++) s -= Math.exp(la[i]) * lb[i];
  return s;
}

function plainLogitsJs(a, b) {
  const la = new Float64Array(a.length), lb = new Float64Array(b.length);
  logSoftmax(a, 0, a.length, la);
  logSoftmax(b, 0, b.length, lb);
  let s = 0;
  for (let i = 0; i < la.length; i++) {
    const x = Math.exp(la[i]), y = Math.exp(lb[i]), lm = Math.log((x + y) / 2);
    s += x * (la[i] - lm) + y * (lb[i] - lm);
  }
  return s / 2;
}

function plainLogitsMeasures(a, b, start = 0, end = a.length, la = new Float64Array(end - start), lb = new Float64Array(end - start)) {
  logSoftmax(a, start, end, la);
  logSoftmax(b, start, end, lb);
  let hp = 0, hq = 0, cpq = 0, cqp = 0, js = 0;
  for (let i = 0; i < la.length; i++) {
    const lx = la[i], ly = lb[i], x = Math.exp(lx), y = Math.exp(ly), lm = Math.log((x + y) / 2);
    hp -= x * lx;
    hq -= y * ly;
    cpq -= x * ly;
    cqp -= y * lx;
    js += x * (lx - lm) + y * (ly - lm);
  }
  return { entropyP: hp, entropyQ: hq, crossEntropyPQ: cpq, crossEntropyQP: cqp, klPQ: cpq - hp, klQP: cqp - hq, js: js / 2 };
}

function plainLogitsKlRows(a, b, cols) {
  const out = new Float64Array(a.length / cols), la = new Float64Array(cols), lb = new Float64Array(cols);
  for (let r = 0; r < out.length; r++) out[r] = plainLogitsKl(a, b, r * cols, r * cols + cols, la, lb);
  return out;
}

function plainLogitsMeasuresRows(a, b, cols) {
  const rows = a.length / cols, out = Object.fromEntries(MEASURE_NAMES.map((k) => [k, new Float64Array(rows)]));
  const la = new Float64Array(cols), lb = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const m = plainLogitsMeasures(a, b, r * cols, r * cols + cols, la, lb);
    for (const k of MEASURE_NAMES) out[k][r] = m[k];
  }
  return out;
}

// One pair per size: allocated and filled outside the timing, freed after it.
// The getters pair.p and pair.q are read on every call, as callers must.
function zeroCopy(p, q, call) {
  return () => {
    const pair = infodiv.allocPair(p.length);
    pair.p.set(p);
    pair.q.set(q);
    return { run: () => call(pair.p, pair.q), free: () => pair.free() };
  };
}

// The same C core compiled natively, timed by bench/native.c on the same inputs (KL only).
const native = new URL('native', OUT).pathname;
execFileSync('gcc', ['-O3', '-ffp-contract=off', '-Ic/include', 'bench/native.c', 'c/src/discrete.c',
  'c/src/special.c', 'c/src/status.c', '-lm', '-o', native], { cwd: ROOT.pathname });
function timeNative(p, q) {
  const file = new URL(`input-${p.length}.bin`, OUT).pathname;
  const header = new BigUint64Array([BigInt(p.length)]);
  writeFileSync(file, Buffer.concat([header, p, q].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))));
  const [result, ns] = execFileSync(native, [file, String(SAMPLES)], { encoding: 'utf8' }).trim().split(' ').map(Number);
  rmSync(file);
  return { result, ns };
}

const version = (pkg) => JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, ROOT))).version;
const firstLine = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0].trim();
const gitCommit = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT.pathname, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
const machine = {
  cpu: `${os.cpus()[0].model} × ${os.cpus().length}`, node: process.version,
  infodiv: JSON.parse(readFileSync(new URL('package.json', ROOT))).version, commit: gitCommit(),
  'ml-distance': version('ml-distance'),
  emcc: `emcc ${/\d+\.\d+\.\d+/.exec(firstLine('emcc', ['--version']))}`, gcc: firstLine('gcc', ['--version']),
};

const PLAIN = 'plain JS loop', COPIED = 'infodiv, copied in', ZERO_COPY = 'infodiv, zero-copy (allocPair)';
const NATIVE = 'infodiv C core, native gcc -O3';
const LOGITS = { logits: true };

// The functions: name, the plain loop, the infodiv call, the reference, and
// optional ml-distance contender and input maker (default: probabilities).
const FUNCTIONS = [
  { name: 'entropy', plain: (p) => plainEntropy(p), call: (p) => infodiv.entropy(p), ref: (p, q) => referenceMeasures(p, q).entropyP },
  { name: 'crossEntropy', plain: plainCrossEntropy, call: (p, q) => infodiv.crossEntropy(p, q), ref: (p, q) => referenceMeasures(p, q).crossEntropyPQ },
  { name: 'kl', plain: plainKl, call: (p, q) => infodiv.kl(p, q), ref: (p, q) => referenceMeasures(p, q).klPQ,
    ml: ['kullbackLeibler', distance.kullbackLeibler], native: true },
  { name: 'jsDivergence', plain: plainJs, call: (p, q) => infodiv.jsDivergence(p, q), ref: (p, q) => referenceMeasures(p, q).js,
    ml: ['jensenShannon', distance.jensenShannon] },
  { name: 'measures', plain: (p, q) => plainMeasures(p, q), call: (p, q) => infodiv.measures(p, q), ref: (p, q) => referenceMeasures(p, q) },
  { name: 'klTerms', plain: plainKlTerms, call: (p, q) => infodiv.klTerms(p, q),
    ref: (p, q) => Float64Array.from(p, (x, i) => x * Math.log(x / q[i])) },
  { name: 'klRows', rows: true, plain: plainKlRows, call: (p, q, c) => infodiv.klRows(p, q, c),
    ref: (p, q, c) => Float64Array.from({ length: p.length / c }, (_, r) => referenceMeasures(p, q, r * c, r * c + c).klPQ) },
  { name: 'measuresRows', rows: true, plain: plainMeasuresRows, call: (p, q, c) => infodiv.measuresRows(p, q, c),
    ref: (p, q, c) => rowsOf(p.length / c, (r) => referenceMeasures(p, q, r * c, r * c + c)) },
  { name: 'entropy, logits', logits: true, plain: (a) => plainLogitsEntropy(a), call: (a) => infodiv.entropy(a, LOGITS),
    ref: (a, b) => referenceMeasuresLogits(a, b).entropyP },
  { name: 'crossEntropy, logits', logits: true, plain: plainLogitsCrossEntropy, call: (a, b) => infodiv.crossEntropy(a, b, LOGITS),
    ref: (a, b) => referenceMeasuresLogits(a, b).crossEntropyPQ },
  { name: 'kl, logits', logits: true, plain: (a, b) => plainLogitsKl(a, b), call: (a, b) => infodiv.kl(a, b, LOGITS),
    ref: (a, b) => referenceMeasuresLogits(a, b).klPQ },
  { name: 'jsDivergence, logits', logits: true, plain: plainLogitsJs, call: (a, b) => infodiv.jsDivergence(a, b, LOGITS),
    ref: (a, b) => referenceMeasuresLogits(a, b).js },
  { name: 'measures, logits', logits: true, plain: (a, b) => plainLogitsMeasures(a, b), call: (a, b) => infodiv.measures(a, b, LOGITS),
    ref: (a, b) => referenceMeasuresLogits(a, b) },
  { name: 'klRows, logits', logits: true, rows: true, plain: plainLogitsKlRows, call: (a, b, c) => infodiv.klRows(a, b, c, LOGITS),
    ref: (a, b, c) => Float64Array.from({ length: a.length / c }, (_, r) => referenceMeasuresLogits(a, b, r * c, r * c + c).klPQ) },
  { name: 'measuresRows, logits', logits: true, rows: true, plain: plainLogitsMeasuresRows,
    call: (a, b, c) => infodiv.measuresRows(a, b, c, LOGITS),
    ref: (a, b, c) => rowsOf(a.length / c, (r) => referenceMeasuresLogits(a, b, r * c, r * c + c)) },
].filter((f) => !only || only.includes(f.name) || (f.logits && only.includes('logits')));

// Seven Float64Arrays of one value per row, from each row's measures.
function rowsOf(rows, f) {
  const out = Object.fromEntries(MEASURE_NAMES.map((k) => [k, new Float64Array(rows)]));
  for (let r = 0; r < rows; r++) {
    const m = f(r);
    for (const k of MEASURE_NAMES) out[k][r] = m[k];
  }
  return out;
}

const results = [];
for (const f of FUNCTIONS) {
  for (const n of sizes) {
    const cols = f.rows ? COLS[n] : undefined;
    const [p, q] = f.logits ? logitPair(n, 999 + n) : distributionPair(n, 12345 + n, cols ?? n);
    const contenders = [
      [PLAIN, copied(() => f.plain(p, q, cols))],
      ...(f.ml ? [[`ml-distance ${machine['ml-distance']} ${f.ml[0]}`, copied(() => f.ml[1](p, q))]] : []),
      [COPIED, copied(() => f.call(p, q, cols))],
      [ZERO_COPY, zeroCopy(p, q, (x, y) => f.call(x, y, cols))],
    ];
    const measured = measure(contenders, f.ref(p, q, cols), `${f.name}, n = ${n}`);
    if (f.native) {
      const nat = timeNative(p, q);
      const m = mismatch(nat.result, f.ref(p, q));
      if (m) throw new Error(`native: ${m} (n = ${n})`);
      measured.push({ name: NATIVE, ns: nat.ns });
    }
    const plain = measured[0].ns;
    for (const m of measured) {
      results.push({ fn: f.name, n, cols, contender: m.name, nsPerCall: m.ns, nsPerElement: m.ns / n, vsPlainJs: m.ns / plain });
    }
  }
}

// The targets of issue 15, for every function and size measured.
const targets = [];
for (const f of FUNCTIONS) {
  const at = (n, name) => results.find((r) => r.fn === f.name && r.n === n && r.contender === name)?.vsPlainJs;
  const add = (target, value, limit) => value !== undefined && targets.push({ fn: f.name, target, value, limit, met: value <= limit });
  add('n = 16, copied in ≤ 1.00 × plain JS', at(16, COPIED), 1);
  for (const n of sizes.filter((s) => s >= 1000)) add(`n = ${n}, copied in ≤ 0.50 × plain JS`, at(n, COPIED), 0.5);
  add('n = 1000000, zero-copy ≤ 0.35 × plain JS', at(1e6, ZERO_COPY), 0.35);
  if (f.name === 'kl') {
    add('n = 1000000, copied in ≤ 0.33 × plain JS', at(1e6, COPIED), 0.33);
    add('n = 1000000, zero-copy ≤ 0.25 × plain JS', at(1e6, ZERO_COPY), 0.25);
  }
}

console.log(`Median of ${SAMPLES} samples. ${Object.entries(machine).map(([k, v]) => `${k}: ${v}`).join('; ')}`);
for (const f of FUNCTIONS) {
  const rowsNote = f.rows ? ` (rows × cols: ${sizes.map((n) => `${n / COLS[n]} × ${COLS[n]}`).join(', ')})` : '';
  console.log(`\n${f.name}${rowsNote}${f.logits ? '; plain JS: log-softmax, then the probability loop' : ''}\n`);
  printTable(['n', 'contender', 'ns/call', 'ns/element', '× plain JS'],
    results.filter((r) => r.fn === f.name).map((r) => [String(r.n), r.contender, r.nsPerCall.toFixed(0),
      r.nsPerElement.toPrecision(3), r.vsPlainJs.toFixed(2)]), [1]);
  console.log('');
  for (const t of targets.filter((x) => x.fn === f.name)) {
    const by = t.met ? '' : ` (missed by ${((t.value / t.limit - 1) * 100).toFixed(0)}%)`;
    console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.value.toFixed(2)}${by}`);
  }
}
const missed = targets.filter((t) => !t.met);
console.log(`\ntargets: ${targets.length - missed.length} of ${targets.length} met`);
writeFileSync(new URL('bench.json', OUT), JSON.stringify({ machine, samples: SAMPLES, results, targets }, null, 1));
console.log(`written: ${new URL('bench.json', OUT).pathname}`);
