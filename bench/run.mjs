// npm run bench [-- --large]: KL(P‖Q), timed for each contender at each size
// in one run (this machine is shared and noisy: compare ratios, not absolute
// times). Three tables: float64 inputs (with the same C core built natively),
// float32 inputs, and batches (klRows, probabilities and logits). Every
// contender first reproduces the reference result on the very inputs it is
// timed on. Writes dist/bench/kl.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { distance } from 'ml-distance';
import { allocPair, init, kl, klRows } from '../dist/infodiv.js';

const SAMPLES = 9;
const MIN_SAMPLE_MS = 20;
const TOLERANCE = 1e-9; // relative, against the reference
const ROOT = new URL('../', import.meta.url);
const OUT = new URL('dist/bench/', ROOT);
const sizes = [16, 1000, 1e6, ...(process.argv.includes('--large') ? [1e7] : [])];
const BATCH = { rows: 64, cols: 50000 };

await init();
mkdirSync(OUT, { recursive: true });

function lcg(seed) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

// Deterministic inputs: positive entries normalised to sum 1, so every contender gets probabilities.
function distributionPair(n, seed) {
  const random = lcg(seed);
  const make = () => {
    const v = Float64Array.from({ length: n }, () => random() + 0.01);
    const total = v.reduce((a, b) => a + b, 0);
    return v.map((x) => x / total);
  };
  return [make(), make()];
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

// The reference: sum p log(p/q) with Neumaier compensation. For these inputs
// (unrelated P and Q, no cancellation to speak of) it is good to ~1e-15.
function referenceKl(p, q, start = 0, end = p.length) {
  return compensatedSum(start, end, (i) => p[i] * Math.log(p[i] / q[i]));
}

// The same of p and q divided by their (compensated) sums, read as double:
// the reference for float32 inputs, which sum to 1 only within ~1e-8.
function referenceKlNormalized(p, q) {
  const sp = compensatedSum(0, p.length, (i) => p[i]), sq = compensatedSum(0, q.length, (i) => q[i]);
  return compensatedSum(0, p.length, (i) => (p[i] / sp) * Math.log((p[i] / sp) / (q[i] / sq)));
}

// The reference of logits: log-softmax in double, then sum p (log p - log q), compensated.
function referenceKlLogits(a, b, start, end) {
  const logSumExp = (x) => {
    let m = -Infinity;
    for (let i = start; i < end; i++) if (x[i] > m) m = x[i];
    return m + Math.log(compensatedSum(start, end, (i) => Math.exp(x[i] - m)));
  };
  const la = logSumExp(a), lb = logSumExp(b);
  return compensatedSum(start, end, (i) => Math.exp(a[i] - la) * ((a[i] - la) - (b[i] - lb)));
}

// The plain loops, one function per input type so that each stays monomorphic.
function plainLoop(p, q) {
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) s += p[i] * Math.log(p[i] / q[i]);
  return s;
}

// Float32 inputs do not sum to 1 exactly, so this loop also sums them (one
// pass): KL of the normalised pair = s/Σp + log(Σq/Σp), as infodiv computes it.
function plainLoopFloat32(p, q) {
  let s = 0, sp = 0, sq = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i], y = q[i];
    sp += x;
    sq += y;
    if (x > 0) s += x * Math.log(x / y);
  }
  return s / sp + Math.log(sq / sp);
}

function plainLoopRows(p, q, cols) {
  const out = new Float64Array(p.length / cols);
  for (let r = 0; r < out.length; r++) {
    let s = 0;
    for (let i = r * cols, end = i + cols; i < end; i++) if (p[i] > 0) s += p[i] * Math.log(p[i] / q[i]);
    out[r] = s;
  }
  return out;
}

// Log-softmax and KL per row, two passes and two exp per entry: with
// p_i = e^(a_i - ma) / sa and la = ma + log sa (likewise for b),
// KL = Σ p_i ((a_i - la) - (b_i - lb)) = Σ e^(a_i - ma) (a_i - b_i) / sa - la + lb.
function plainLoopLogitRows(a, b, cols) {
  const out = new Float64Array(a.length / cols);
  for (let r = 0; r < out.length; r++) {
    const start = r * cols, end = start + cols;
    let ma = -Infinity, mb = -Infinity;
    for (let i = start; i < end; i++) {
      if (a[i] > ma) ma = a[i];
      if (b[i] > mb) mb = b[i];
    }
    let sa = 0, sb = 0, t = 0;
    for (let i = start; i < end; i++) {
      const ea = Math.exp(a[i] - ma);
      sa += ea;
      sb += Math.exp(b[i] - mb);
      t += ea * (a[i] - b[i]);
    }
    out[r] = t / sa - (ma + Math.log(sa)) + (mb + Math.log(sb));
  }
  return out;
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
  rmSync(file);
  return { result, ns };
}

// Each contender is timed on its own, all its samples in a row: on this
// machine a call right after other work (another contender's) runs up to
// 1.7 times slower for the next tens of milliseconds, so interleaving the
// contenders' samples would measure that transition, not the contender.
function timeJs(run) {
  let reps = 1; // calibrate: one sample takes at least MIN_SAMPLE_MS (this also warms up)
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

const close = (result, reference) => Math.abs(result - reference) <= TOLERANCE * Math.abs(reference);

// Checks each contender's result (a number, or one per row) against the
// reference, then times it. A contender is [name, make]: make() returns
// { run, free? }; run() gives the result, free() is called after the timing.
function measure(contenders, reference, label) {
  return contenders.map(([name, make]) => {
    const { run, free } = make();
    try {
      const result = run();
      const wrong = typeof reference === 'number'
        ? (close(result, reference) ? -1 : 0)
        : reference.findIndex((ref, r) => !(result.length === reference.length && close(result[r], ref)));
      if (wrong >= 0) {
        const [got, want] = typeof reference === 'number' ? [result, reference] : [result[wrong], reference[wrong]];
        throw new Error(`${name} gives ${got}, not ${want} (${label}${typeof reference === 'number' ? '' : `, row ${wrong}`})`);
      }
      return { name, ns: timeJs(run) };
    } finally {
      free?.();
    }
  });
}

const copied = (run) => () => ({ run });
// One pair per size: allocated and filled outside the timing, freed after it.
// The getters pair.p and pair.q are read on every call, as callers must.
function zeroCopy(p, q, float32, call) {
  return () => {
    const pair = allocPair(p.length, { float32 });
    pair.p.set(p);
    pair.q.set(q);
    return { run: () => call(pair.p, pair.q), free: () => pair.free() };
  };
}

const version = (pkg) => JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, ROOT))).version;
const firstLine = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0].trim();
const machine = {
  cpu: `${os.cpus()[0].model} × ${os.cpus().length}`, node: process.version,
  infodiv: JSON.parse(readFileSync(new URL('package.json', ROOT))).version, 'ml-distance': version('ml-distance'),
  emcc: `emcc ${/\d+\.\d+\.\d+/.exec(firstLine('emcc', ['--version']))}`, gcc: firstLine('gcc', ['--version']),
};

const NATIVE = 'infodiv C core, native gcc -O3';
const ZERO_COPY = 'infodiv, zero-copy (allocPair)';

// Table 1: float64 inputs.
const rows = [];
for (const n of sizes) {
  const [p, q] = distributionPair(n, 12345 + n);
  const reference = referenceKl(p, q);
  const measured = measure([
    ['plain JS loop', copied(() => plainLoop(p, q))],
    [`ml-distance ${machine['ml-distance']} kullbackLeibler`, copied(() => distance.kullbackLeibler(p, q))],
    ['infodiv, arrays copied in', copied(() => kl(p, q))],
    [ZERO_COPY, zeroCopy(p, q, false, kl)],
  ], reference, `n = ${n}`);
  const nat = timeNative(p, q);
  if (!close(nat.result, reference)) throw new Error(`native gives ${nat.result}, not ${reference} (n = ${n})`);
  measured.push({ name: NATIVE, ns: nat.ns });
  const plain = measured[0].ns;
  for (const m of measured) {
    rows.push({ n, contender: m.name, nsPerCall: m.ns, nsPerElement: m.ns / n, vsPlainJs: m.ns / plain, vsNative: m.ns / nat.ns });
  }
}

// Table 2: float32 inputs (read as float by the core, never widened in JS).
const float32 = [];
for (const n of sizes) {
  const [p64, q64] = distributionPair(n, 54321 + n);
  const p = Float32Array.from(p64), q = Float32Array.from(q64);
  const measured = measure([
    ['plain JS loop (sums too)', copied(() => plainLoopFloat32(p, q))],
    ['infodiv, Float32Array copied in', copied(() => kl(p, q))],
    ['infodiv, zero-copy (allocPair float32)', zeroCopy(p, q, true, kl)],
  ], referenceKlNormalized(p, q), `float32, n = ${n}`);
  const plain = measured[0].ns;
  for (const m of measured) float32.push({ n, contender: m.name, nsPerCall: m.ns, nsPerElement: m.ns / n, vsPlainJs: m.ns / plain });
}

// Table 3: batches, one distribution per row of a row-major matrix.
const batches = [];
{
  const { rows: R, cols: C } = BATCH, size = R * C;
  const p = new Float64Array(size), q = new Float64Array(size), a = new Float64Array(size), b = new Float64Array(size);
  for (let r = 0; r < R; r++) {
    const [pr, qr] = distributionPair(C, 777 + r);
    p.set(pr, r * C);
    q.set(qr, r * C);
  }
  const random = lcg(2024); // logits in [-4, 4): softmax weights within a factor e^8
  for (let i = 0; i < size; i++) a[i] = 8 * random() - 4, b[i] = 8 * random() - 4;
  const perRow = (f) => Float64Array.from({ length: R }, (_, r) => f(r * C, r * C + C));
  const logits = { logits: true };
  const groups = [
    ['probabilities', perRow((s, e) => referenceKl(p, q, s, e)), [
      ['plain JS loop over the rows', copied(() => plainLoopRows(p, q, C))],
      ['infodiv klRows, arrays copied in', copied(() => klRows(p, q, C))],
      ['infodiv klRows, zero-copy (allocPair)', zeroCopy(p, q, false, (x, y) => klRows(x, y, C))],
    ]],
    ['logits', perRow((s, e) => referenceKlLogits(a, b, s, e)), [
      ['plain JS log-softmax + KL loop', copied(() => plainLoopLogitRows(a, b, C))],
      ['infodiv klRows logits, copied in', copied(() => klRows(a, b, C, logits))],
      ['infodiv klRows logits, zero-copy', zeroCopy(a, b, false, (x, y) => klRows(x, y, C, logits))],
    ]],
  ];
  for (const [input, reference, contenders] of groups) {
    const measured = measure(contenders, reference, `${input}, ${R} × ${C}`);
    const plain = measured[0].ns;
    for (const m of measured) {
      batches.push({ input, rows: R, cols: C, contender: m.name, nsPerCall: m.ns, nsPerElement: m.ns / size, vsPlainJs: m.ns / plain });
    }
  }
}

// The targets of issue 5, read off table 1.
const find = (n, name) => rows.find((r) => r.n === n && r.contender === name);
const big = 1e6;
const targets = [
  ['n = 10^6 float64, copied in ≤ 0.40 × plain JS', find(big, 'infodiv, arrays copied in').vsPlainJs, 0.4],
  ['n = 10^6 float64, zero-copy ≤ 0.33 × plain JS', find(big, ZERO_COPY).vsPlainJs, 0.33],
  ['n = 10^6 float64, zero-copy ≤ 1.00 × native gcc -O3', find(big, ZERO_COPY).vsNative, 1],
  ['n = 16 float64, copied in ≤ 1.00 × plain JS', find(16, 'infodiv, arrays copied in').vsPlainJs, 1],
  ['n = 16 float64, zero-copy ≤ 1.00 × plain JS', find(16, ZERO_COPY).vsPlainJs, 1],
].map(([target, value, limit]) => ({ target, value, limit, met: value <= limit }));

function printTable(header, cells, alignLeft) {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((t) => t[i].length)));
  const line = (row) => `| ${row.map((c, i) => (alignLeft.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (alignLeft.includes(i) ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  console.log([line(header), rule, ...cells.map(line)].join('\n'));
}
const perElement = (r) => r.nsPerElement.toPrecision(3);

console.log(`KL(P‖Q), median of ${SAMPLES} samples. ${Object.entries(machine).map(([k, v]) => `${k}: ${v}`).join('; ')}\n`);
console.log('float64 inputs (× native: ns/call ÷ that of the same C core built natively)\n');
printTable(['n', 'contender', 'ns/call', 'ns/element', '× plain JS', '× native'],
  rows.map((r) => [String(r.n), r.contender, r.nsPerCall.toFixed(0), perElement(r), r.vsPlainJs.toFixed(2), r.vsNative.toFixed(2)]), [1]);
console.log(`\nzero-copy ÷ native gcc -O3: ${sizes.map((n) => `${find(n, ZERO_COPY).vsNative.toFixed(2)} (n = ${n})`).join(', ')}`);
console.log('\nfloat32 inputs (Float32Array)\n');
printTable(['n', 'contender', 'ns/call', 'ns/element', '× plain JS'],
  float32.map((r) => [String(r.n), r.contender, r.nsPerCall.toFixed(0), perElement(r), r.vsPlainJs.toFixed(2)]), [1]);
console.log(`\nbatches: klRows, ${BATCH.rows} rows × ${BATCH.cols} columns, float64 (ns/element: per entry of the matrix)\n`);
printTable(['input', 'contender', 'ns/call', 'ns/element', '× plain JS'],
  batches.map((r) => [r.input, r.contender, r.nsPerCall.toFixed(0), perElement(r), r.vsPlainJs.toFixed(2)]), [0, 1]);
console.log('\ntargets (issue 5):');
for (const t of targets) console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.value.toFixed(2)}`);
writeFileSync(new URL('kl.json', OUT), JSON.stringify({ machine, samples: SAMPLES, rows, float32, batches, targets }, null, 1));
console.log(`\nwritten: ${new URL('kl.json', OUT).pathname}`);
