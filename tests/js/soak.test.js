// Soak and size limits. npm test runs 2 * 10^5 calls and not part 2;
// npm run test:soak (INFODIV_SOAK=1) runs both in full.
//
// 1. 10^6 calls of mixed sizes (1 to 10^5: mostly small, a log-uniform tail),
//    mixing every function and input kind, about 1% of them throwing, leave
//    the wasm heap where it was after the warm-up (allocatedBytes exactly,
//    heapBytes not grown) and the JS heap within JS_HEAP_BOUND.
// 2. The largest inputs the default build accepts (the wasm memory stops at
//    2 GiB; copied-in inputs and allocPair() pairs live in it): found in a
//    fresh process, accepted at the limit and refused one entry beyond it
//    with a RangeError, never an out-of-memory abort or a trap. Each check
//    runs in a child process of its own, so that its 2 GiB of wasm memory is
//    given back and the limit is that of a fresh process.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms, klRows, measuresRows, allocPair, memoryUsage,
  klDist, logDensity, klGrid,
} from '../../dist/infodiv.js';
import { prng } from './prng.mjs';

const SOAK = process.env.INFODIV_SOAK === '1';
const CALLS = SOAK ? 1_000_000 : 200_000;
const MAX_N = 100_000;
const JS_HEAP_BOUND = 16 * 2 ** 20; // bytes: room for V8's own caches and code, far below one leaked 10^5 input per 1000 calls

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc'); // a full collection, so heapUsed measures what is live

before(() => init());

describe(`${CALLS.toLocaleString('en')} calls of mixed sizes leave the wasm heap and the JS heap where they were`, () => {
  it('1% of them throwing', () => {
    const random = prng(2024);
    // Inputs, made once: p and q of MAX_N entries in each kind, reused through subarray() (typed
    // arrays; a subarray is a view, not a copy) or as one of the 64 short number[] per length.
    // Zeros in p at every tenth entry only, so that no row below is all zero.
    const P64 = Float64Array.from({ length: MAX_N }, (_, i) => (i % 10 === 9 ? 0 : 1e-9 + random() * 10 ** (-3 * random())));
    const Q64 = Float64Array.from({ length: MAX_N }, () => 1e-3 + random());
    const P32 = Float32Array.from(P64), Q32 = Float32Array.from(Q64);
    const PU = Uint32Array.from(P64, (v) => (v === 0 ? 0 : 1 + Math.round(v * 1000))), QU = Uint32Array.from(Q64, (v) => 1 + Math.round(v * 1000));
    const arrays = Array.from({ length: 65 }, (_, n) => ({ p: Array.from(P64.subarray(0, n)), q: Array.from(Q64.subarray(0, n)) }));
    const pair = allocPair(MAX_N), pair32 = allocPair(MAX_N, { float32: true });
    pair.p.set(P64);
    pair.q.set(Q64);
    pair32.p.set(P32);
    pair32.q.set(Q32);
    PU[0] = QU[0] = 1; // no row or prefix of all zeros below
    P64[0] = P32[0] = pair.p[0] = pair32.p[0] = 0.5;
    arrays.forEach((a) => { if (a.p.length) a.p[0] = 0.5; });

    // Sizes: 94% from 1 to 64, 6% log-uniform from 1 to 10^5 (mean ~550 entries per call).
    const size = () => (random() < 0.94 ? 1 + Math.floor(random() * 64) : Math.min(MAX_N, Math.floor(Math.exp(random() * Math.log(MAX_N + 1)))) || 1);
    // The input kinds: [p, q] of n entries.
    const KINDS = [
      (n) => (n <= 64 ? [arrays[n].p, arrays[n].q] : [P64.subarray(0, n), Q64.subarray(0, n)]),
      (n) => [P64.subarray(0, n), Q64.subarray(0, n)],
      (n) => [P32.subarray(0, n), Q32.subarray(0, n)],
      (n) => [PU.subarray(0, n), QU.subarray(0, n)],
      (n) => [pair.p.subarray(0, n), pair.q.subarray(0, n)], // zero-copy
      (n) => [pair32.p.subarray(0, n), Q32.subarray(0, n)], // one side in place
    ];
    const cols = (n) => [n, 2, 4, 5, 8, 10].filter((c) => n % c === 0).at(-1); // rows of 2 or more: never one zero alone
    const N1 = { family: 'normal', mu: 0, sigma: 1 }, G = { family: 'gamma', shape: 2, rate: 3 };
    // The functions, with weights; logits (slower per entry) and the grid on shorter inputs.
    const GOOD = [
      [5, (p, q) => kl(p, q)], [2, (p) => entropy(p, { base: 2 })], [2, (p, q) => crossEntropy(p, q)],
      [2, (p, q) => jsDivergence(p, q)], [3, (p, q) => measures(p, q)], [2, (p, q) => klTerms(p, q)],
      [2, (p, q) => klRows(p, q, cols(p.length))], [2, (p, q) => measuresRows(p, q, cols(p.length), { base: 10 })],
      [1, (p, q) => kl(p.subarray ? p.subarray(0, 500) : p, q.subarray ? q.subarray(0, 500) : q, { logits: true, temperature: 2 })],
      [1, (p) => logDensity(G, p.subarray ? p.subarray(0, 1000) : p)],
      [1, (p, q) => (p.length >= 3 ? klGrid(Float64Array.from({ length: Math.min(p.length, 1000) }, (_, i) => i), p.subarray ? p.subarray(0, 1000) : p, q.subarray ? q.subarray(0, 1000) : q) : 0)],
      [1, () => klDist(N1, { family: 'normal', mu: random(), sigma: 1 + random() })],
      [1, () => { const a = allocPair(1 + Math.floor(random() * 100)); a.p.fill(1); a.q.fill(2); kl(a.p, a.q); a.free(); }],
    ];
    // Calls that throw, from every stage: JS types and shapes, and the C core after the copy
    // (for large n, from inside a temporary block that must be freed).
    const BAD = [
      (p, q) => kl(p, q, { base: 1 }),
      (p, q) => measures(p, q, { normalize: 'no' }),
      (p, q) => klTerms(p, q, { logits: true }),
      (p, q) => klRows(p, q, 0),
      (p, q) => kl(p, q.length > 1 ? q.subarray?.(1) ?? q.slice(1) : [], {}),
      (p) => entropy(p, { bases: 2 }),
      (p, q) => crossEntropy([...Array.from(p.subarray ? p.subarray(0, 10) : p.slice(0, 10)), NaN], [...Array.from(q.subarray ? q.subarray(0, 10) : q.slice(0, 10)), 1]),
      () => klDist(N1, { family: 'normal', mu: 0, sigma: -1 }),
      () => allocPair(0),
    ];
    const goodTotal = GOOD.reduce((s, [w]) => s + w, 0);
    const pickGood = () => {
      let r = random() * goodTotal;
      for (const [w, f] of GOOD) if ((r -= w) < 0) return f;
      return GOOD[0][1];
    };
    let thrown = 0, elements = 0;
    const oneCall = (n) => {
      const [p, q] = KINDS[Math.floor(random() * KINDS.length)](n);
      elements += n;
      if (random() < 0.01) {
        try {
          BAD[Math.floor(random() * BAD.length)](p, q);
        } catch (e) {
          if (!(e instanceof TypeError || e instanceof RangeError)) throw e;
          thrown++;
          return;
        }
        assert.fail('a bad call returned');
      }
      pickGood()(p, q);
    };
    const reference = kl(arrays[64].p, arrays[64].q);

    // Warm-up: every function on every kind at the largest size (the wasm memory grows to fit the
    // largest temporary block here), then 20,000 calls of the mix.
    for (const kind of KINDS) for (const [, f] of GOOD) f(...kind(MAX_N));
    for (const kind of KINDS) for (const f of BAD) try { f(...kind(MAX_N)); } catch { /* expected */ }
    for (let i = 0; i < 20_000; i++) oneCall(size());
    gc();
    const wasmStart = memoryUsage(), jsStart = process.memoryUsage().heapUsed;

    thrown = 0;
    elements = 0;
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) {
      oneCall(size());
      if (i % 100_000 === 0) assert.equal(kl(arrays[64].p, arrays[64].q), reference, `call ${i}: a result changed`);
    }
    const seconds = (performance.now() - t0) / 1000;
    gc();
    const wasmEnd = memoryUsage(), jsEnd = process.memoryUsage().heapUsed;
    pair.free();
    pair32.free();
    console.log(`# soak: ${CALLS} calls, ${thrown} threw, ${(elements / CALLS).toFixed(0)} entries per call on average, `
      + `${seconds.toFixed(1)} s; wasm heap ${wasmStart.heapBytes} -> ${wasmEnd.heapBytes} bytes, allocated `
      + `${wasmStart.allocatedBytes} -> ${wasmEnd.allocatedBytes}; JS heap ${jsStart} -> ${jsEnd} bytes`);
    assert.ok(thrown >= 0.008 * CALLS && thrown <= 0.012 * CALLS, `${thrown} calls threw`);
    assert.equal(wasmEnd.allocatedBytes, wasmStart.allocatedBytes, 'allocatedBytes back where it started');
    assert.equal(wasmEnd.heapBytes, wasmStart.heapBytes, 'the wasm memory did not grow after the warm-up');
    assert.ok(jsEnd - jsStart <= JS_HEAP_BOUND, `the JS heap grew by ${jsEnd - jsStart} bytes`);
  });
});

// ---------------------------------------------------------------------------
// The largest inputs.
// ---------------------------------------------------------------------------

const LIBRARY = new URL('../../dist/infodiv.js', import.meta.url).href;
// Runs `body` (an async function's body, with the library as L) in a fresh node; returns what it
// printed as JSON, plus its peak resident memory.
function fresh(body) {
  const code = `import * as L from ${JSON.stringify(LIBRARY)};
await L.init();
const out = await (async () => { ${body} })();
console.log(JSON.stringify({ ...out, maxRSS: process.resourceUsage().maxRSS * 1024 }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 1 << 20 });
  assert.equal(r.status, 0, `child exited with ${r.status} ${r.signal ?? ''}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}
const GiB = 2 ** 30;
const outcome = `const outcome = (f) => { try { const v = f(); return { value: typeof v === 'number' ? v : 'ok' }; }
  catch (e) { return { error: e.constructor.name, message: e.message }; } };`;

if (SOAK) describe('the largest inputs of the default build (2 GiB of wasm memory)', () => {
  // B, the largest block malloc gives as the first large allocation of a fresh process (each
  // probe in a process of its own: a failed allocation can lower the limit for later ones, a
  // freed one can raise it); allocPair(m, float32) asks for 8m bytes. The copies of kl() ask for
  // 96 + 16n bytes (p and q as double) or 96 + 8n (both Float32Array), allocPair for 16n or 8n.
  // Once the memory has grown to 2 GiB, a few KiB more fit than in a first allocation (no
  // padding of a fresh request): the limits below are those of a first allocation, so each
  // test tries the limit and one entry more in two fresh processes.
  let B, limits;
  before(() => {
    let lo = 2 ** 27, hi = 2 ** 28; // 1 GiB fits, 2 GiB does not
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const r = fresh(`try { L.allocPair(${mid}, { float32: true }); return { fits: true }; }
        catch (e) { if (e instanceof RangeError) return { fits: false }; throw e; }`);
      if (r.fits) lo = mid;
      else hi = mid;
    }
    B = 8 * lo; // B is in [8 lo, 8 lo + 7]
    limits = {
      kl64: Math.floor((B - 96) / 16), kl32: Math.floor((B - 96) / 8), pair64: Math.floor(B / 16), pair32: Math.floor(B / 8),
    };
    console.log(`# largest malloc ${B} bytes (2 GiB - ${2 ** 31 - B}); limits ${JSON.stringify(limits)}`);
  });

  it('the limits are within 32 MiB of 2 GiB', () => {
    assert.ok(B > 2 ** 31 - 32 * 2 ** 20 && B < 2 ** 31, `B = ${B}`);
  });

  it('kl() copies in up to the limit as double (here a Uint8Array p = q: the same bytes as a Float64Array at an eighth of the JS memory); one more entry is a RangeError', () => {
    const r = fresh(`${outcome}
      const u = new Uint8Array(${limits.kl64}).fill(1);
      return { at: outcome(() => L.kl(u, u)), usable: L.kl([1, 2], [2, 1]) };`);
    const r2 = fresh(`${outcome}
      const u = new Uint8Array(${limits.kl64 + 1}).fill(1);
      return { beyond: outcome(() => L.kl(u, u)), usable: L.kl([1, 2], [2, 1]) };`);
    r.beyond = r2.beyond;
    assert.equal(r2.usable, kl([1, 2], [2, 1]));
    assert.deepEqual(r.at, { value: 0 });
    assert.equal(r.beyond.error, 'RangeError');
    assert.equal(r.beyond.message, `p and q are too large for the wasm heap (${limits.kl64 + 1} entries need ${96 + 16 * (limits.kl64 + 1)} bytes)`);
    assert.equal(r.usable, kl([1, 2], [2, 1]));
    assert.ok(r.maxRSS < 3 * GiB, `peak memory ${r.maxRSS}`);
  });

  it('a Float64Array one entry beyond the limit is a RangeError before anything is copied', () => {
    const r = fresh(`${outcome}
      const f = new Float64Array(${limits.kl64 + 1}).fill(1);
      return { beyond: outcome(() => L.kl(f, f)), entropy: outcome(() => L.entropy(f.subarray(0, 1000))) };`);
    assert.equal(r.beyond.error, 'RangeError');
    assert.match(r.beyond.message, /^p and q are too large for the wasm heap/);
    assert.ok(Math.abs(r.entropy.value - Math.log(1000)) <= 1e-12 * Math.log(1000), 'still usable: H of 1000 equal entries is log 1000');
    assert.ok(r.maxRSS < 2 * GiB, `peak memory ${r.maxRSS}`);
  });

  it('two Float32Arrays are copied in as float up to twice as many entries; one more is a RangeError', () => {
    const r = fresh(`${outcome}
      const f = new Float32Array(${limits.kl32}).fill(1);
      return { at: outcome(() => L.kl(f, f)) };`);
    const r2 = fresh(`${outcome}
      const f = new Float32Array(${limits.kl32 + 1}).fill(1);
      return { beyond: outcome(() => L.kl(f, f)) };`);
    r.beyond = r2.beyond;
    assert.deepEqual(r.at, { value: 0 });
    assert.equal(r.beyond.error, 'RangeError');
    assert.equal(r.beyond.message, `p and q are too large for the wasm heap (${limits.kl32 + 1} entries need ${96 + 8 * (limits.kl32 + 1)} bytes)`);
    assert.ok(r.maxRSS < 3.5 * GiB, `peak memory ${r.maxRSS}`);
    console.log(`# peak memory of the child at the Float32Array limit: ${(r.maxRSS / GiB).toFixed(2)} GiB`);
  });

  for (const [float32, key] of [[false, 'pair64'], [true, 'pair32']]) {
    it(`allocPair(n${float32 ? ', { float32: true }' : ''}) up to the limit, used by kl(); one more is a RangeError`, () => {
      const r = fresh(`${outcome}
        const n = ${limits[key]};
        const pair = L.allocPair(n, { float32: ${float32} });
        // Memory grown for the pair is zero; below the initial 16 MiB it may hold what earlier
        // calls left (a subnormal, here): zeroed. Then two entries of each make P = Q, and kl()
        // reads all n, without writing 2 GiB.
        pair.p.fill(0, 0, 2 ** 21);
        pair.q.fill(0, 0, 2 ** 21);
        pair.p[0] = pair.q[0] = pair.p[n - 1] = pair.q[n - 1] = 1;
        const at = outcome(() => L.kl(pair.p, pair.q));
        pair.free();
        return { at, allocated: L.memoryUsage().allocatedBytes };`);
      r.beyond = fresh(`${outcome}
        return { beyond: outcome(() => L.allocPair(${limits[key] + 1}, { float32: ${float32} })) };`).beyond;
      assert.deepEqual(r.at, { value: 0 });
      assert.equal(r.beyond.error, 'RangeError');
      const bytes = (float32 ? 8 : 16) * (limits[key] + 1);
      assert.equal(r.beyond.message, `length is too large (got ${limits[key] + 1}): it needs ${bytes} bytes, more than the wasm memory can give`);
      assert.ok(r.allocated < 2 ** 20, 'freed');
      assert.ok(r.maxRSS < 3 * GiB, `peak memory ${r.maxRSS}`);
    });
  }

  it('once the memory has grown to 2 GiB, inputs needing 4 GiB or more are still refused (no wrapped size, no trap)', () => {
    // Before the fix, measuresRows(u, u, 1) with 6e7 entries asked malloc for 4.32e9 bytes, which
    // its 32-bit size wrapped to 25 MB: the copy ran past the block and the core trapped.
    const r = fresh(`${outcome}
      L.allocPair(${limits.pair64}).free();
      const keep = L.allocPair(3);
      keep.p.set([0.6, 0.3, 0.1]);
      keep.q.set([0.5, 0.4, 0.1]);
      const u = new Uint8Array(6e7).fill(1);
      const rows = outcome(() => L.measuresRows(u, u, 1));
      const big = new Uint8Array(2 ** 28).fill(1);
      const pq = outcome(() => L.kl(big, big));
      return { rows, pq, kept: L.kl(keep.p, keep.q), heap: L.memoryUsage().heapBytes };`);
    assert.ok(r.heap > 2 ** 31 - 32 * 2 ** 20, `the memory grew to ${r.heap}`);
    assert.deepEqual(r.rows, { error: 'RangeError', message: 'p and q are too large for the wasm heap (60000000 entries need 4320000096 bytes)' });
    assert.deepEqual(r.pq, { error: 'RangeError', message: 'p and q are too large for the wasm heap (268435456 entries need 4294967392 bytes)' });
    assert.equal(r.kept, kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]));
  });
});
