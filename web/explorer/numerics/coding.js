// The code view's bookkeeping: the arguments it hands the library, and the
// tally of a message as it is written (how many symbols, how many bits with
// each code, how often each outcome came). Counting the library's integer
// code lengths over the outcomes its sampler drew is all the arithmetic
// here; every measure comes from the library. No DOM.

/** The outcome i as a distribution of its own (all its mass on i): H(e_i, q) = −log q_i. */
export const unitVector = (size, i) => Array.from({ length: size }, (_, j) => (j === i ? 1 : 0));

/**
 * The distribution 2^−ℓᵢ that a code of lengths ℓ is the ideal code for (0
 * where the code has no word, i.e. `built[i]` = 0, the probability the code
 * was built from), so that the average length Σ pᵢℓᵢ of the code is the
 * cross-entropy H(P, 2^−ℓ) in bits. A Huffman code is complete: its weights
 * add up to exactly 1.
 */
export const kraftWeights = (built, lengths) => Array.from(built, (b, i) => (b > 0 ? 2 ** -lengths[i] : 0));

/** An empty tally of up to `capacity` symbols over `size` outcomes; `recent` holds the last `keep` outcomes. */
export function newTally(size, capacity, keep = 40) {
  return {
    n: 0, bits: { p: 0, q: 0 }, unwritable: 0, counts: new Uint32Array(size), recent: [], keep,
    averages: { p: new Float64Array(capacity + 1), q: new Float64Array(capacity + 1) },
  };
}

/**
 * Adds the outcomes `draws` to the tally, written with codes of `lengths`
 * ({ p, q }); `canWrite.q[i]` is false where Q's code has no word for i (its
 * message cannot be written from the first such outcome on: Infinity bits).
 * averages.p[n] is the bits per symbol of P's code after n symbols (same for q).
 */
export function addSymbols(tally, draws, lengths, canWrite) {
  for (const i of draws) {
    tally.n += 1;
    tally.counts[i] += 1;
    for (const code of ['p', 'q']) {
      tally.bits[code] = canWrite[code][i] ? tally.bits[code] + lengths[code][i] : Infinity;
      tally.averages[code][tally.n] = tally.bits[code] / tally.n;
    }
    if (!canWrite.q[i] && !tally.unwritable) tally.unwritable = tally.n;
    tally.recent.push(i);
  }
  if (tally.recent.length > tally.keep) tally.recent.splice(0, tally.recent.length - tally.keep);
  return tally;
}

/** At most `max` whole numbers from 1 to n, evenly spread, always with 1 and n (none for n = 0): the points a chart draws. */
export function spread(n, max) {
  if (n <= max) return Array.from({ length: n }, (_, k) => k + 1);
  return Array.from({ length: max }, (_, k) => Math.round(1 + (k * (n - 1)) / (max - 1)));
}
