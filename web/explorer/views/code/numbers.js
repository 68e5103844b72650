// The code view's calls to the library: the two Huffman codes, the measures,
// each code's average length Σ pᵢℓᵢ, the ideal lengths −log₂ qᵢ, what one bit
// is in the units shown, and what the message sent so far comes to.
import { crossEntropy, drawCounts, entropy, measures, messageLengths, prefixCode } from 'infodiv';
import { UNITS } from '../../util.js';

// The outcome i as a distribution of its own (all its mass on i): H(e_i, q) = −log q_i.
const unitVector = (size, i) => Array.from({ length: size }, (_, j) => (j === i ? 1 : 0));

/**
 * Everything the view shows for a state, but the run: { codes, canWrite, m,
 * ideal, bit }. codes.p and codes.q are { lengths, codewords }; canWrite[c][i]
 * says whether code c has a word for outcome i; m holds the library's
 * measures and huffmanP, huffmanQ (Σ pᵢℓᵢ of each code, in the units); ideal
 * the −log₂ qᵢ; bit is one bit in the units (log_b 2).
 */
export function codeNumbers({ p, q, units }) {
  const base = UNITS[units];
  const { expected } = messageLengths(p, q, [], { base });
  return {
    codes: { p: prefixCode(p), q: prefixCode(q) },
    m: { ...measures(p, q, { base }), huffmanP: expected.p, huffmanQ: expected.q },
    canWrite: { p: p.map((v) => v > 0), q: q.map((v) => v > 0) },
    ideal: q.map((_, i) => crossEntropy(unitVector(q.length, i), q, { base: 2 })),
    bit: entropy([1, 1], { base }),
  };
}

const NONE = { p: NaN, q: NaN };

/**
 * The message of the draws so far (outcomes of P), all from the library:
 * { n, bits, average, extra, counts, shares, unwritable }. bits.p and bits.q
 * are the whole numbers of bits with each code (Q's Infinity from the first
 * outcome it has no word for, the symbol `unwritable`, 0 if none), average
 * the bits per symbol in the units (NaN before the first symbol), perSymbol
 * the running averages at every symbol, counts and shares how often each
 * outcome came.
 */
export function messageNumbers({ p, q, units }, draws) {
  const n = draws.length, { counts, shares } = drawCounts(draws, p.length);
  if (!n) return { n, bits: { p: 0, q: 0 }, average: NONE, extra: NaN, perSymbol: null, counts, shares, unwritable: 0 };
  const message = messageLengths(p, q, draws, { base: UNITS[units] });
  const last = (row) => row[n - 1];
  return {
    n, counts, shares,
    bits: { p: last(message.bits.p), q: last(message.bits.q) },
    average: { p: last(message.perSymbol.p), q: last(message.perSymbol.q) },
    extra: last(message.extra),
    perSymbol: message.perSymbol,
    unwritable: message.bits.q.indexOf(Infinity) + 1,
  };
}
