// The timing shared by the benchmarks (bench/run.mjs, bench/draws.mjs):
// medians of samples of calibrated length, each contender checked against a
// reference on the very inputs it is timed on, and the tables printed.

export const SAMPLES = 9;

/** A fixed stream of numbers in [0, 1) from `seed` (a linear congruential generator): the benches' inputs. */
export function lcg(seed) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}
const MIN_SAMPLE_MS = 20;
const TOLERANCE = 1e-9; // relative, against the reference

// ---- Timing ----

// Each contender is timed on its own, all its samples in a row: on this
// machine a call right after other work (another contender's) runs up to
// 1.7 times slower for the next tens of milliseconds, so interleaving the
// contenders' samples would measure that transition, not the contender.
export function timeJs(run) {
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

// The first value of `got` (a number, a Float64Array, an object of either)
// that is not within TOLERANCE of `want`, as a message; '' when all are.
export function mismatch(got, want, path = '') {
  if (typeof want === 'number') {
    const ok = typeof got === 'number' && Math.abs(got - want) <= TOLERANCE * Math.abs(want);
    return ok ? '' : `${path || 'result'} is ${got}, not ${want}`;
  }
  if (ArrayBuffer.isView(want)) {
    if (!ArrayBuffer.isView(got) || got.length !== want.length) return `${path || 'result'} has the wrong length`;
    for (let i = 0; i < want.length; i++) {
      const m = mismatch(got[i], want[i], `${path}[${i}]`);
      if (m) return m;
    }
    return '';
  }
  for (const k of Object.keys(want)) {
    const m = mismatch(got?.[k], want[k], `${path}.${k}`);
    if (m) return m;
  }
  return '';
}

// Checks each contender's result against the reference, then times it. A
// contender is [name, make]: make() returns { run, free? }; run() gives the
// result, free() is called after the timing.
export function measure(contenders, reference, label) {
  return contenders.map(([name, make]) => {
    const { run, free } = make();
    try {
      const m = mismatch(run(), reference);
      if (m) throw new Error(`${name}: ${m} (${label})`);
      return { name, ns: timeJs(run) };
    } finally {
      free?.();
    }
  });
}

export const copied = (run) => () => ({ run });
export function printTable(header, cells, alignLeft) {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((t) => t[i].length)));
  const line = (row) => `| ${row.map((c, i) => (alignLeft.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (alignLeft.includes(i) ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  console.log([line(header), rule, ...cells.map(line)].join('\n'));
}
