// The code view's calls to the library: the two Huffman codes, the measures,
// each code's average length Σ pᵢℓᵢ (the cross-entropy of P against the
// distribution 2^−ℓ the code is ideal for), the ideal lengths −log₂ qᵢ and
// what one bit is in the units shown.
import { crossEntropy, entropy, measures, prefixCode } from 'infodiv';
import { kraftWeights, unitVector } from '../../numerics/coding.js';
import { UNITS } from '../../util.js';

/**
 * Everything the view shows for a state, but the run: { codes, lengths,
 * canWrite, m, ideal, bit }. codes.p and codes.q are { lengths, codewords },
 * lengths.p and lengths.q those lengths; canWrite[c][i]
 * says whether code c has a word for outcome i; m holds the library's
 * measures and huffmanP, huffmanQ (Σ pᵢℓᵢ of each code, in the units); ideal
 * the −log₂ qᵢ; bit is one bit in the units (log_b 2).
 */
export function codeNumbers({ p, q, units }) {
  const base = UNITS[units];
  const codes = { p: prefixCode(p), q: prefixCode(q) };
  const averageLength = (built, lengths) => crossEntropy(p, kraftWeights(built, lengths), { base });
  const m = {
    ...measures(p, q, { base }),
    huffmanP: averageLength(p, codes.p.lengths),
    huffmanQ: averageLength(q, codes.q.lengths),
  };
  return {
    codes, m, lengths: { p: codes.p.lengths, q: codes.q.lengths },
    canWrite: { p: p.map((v) => v > 0), q: q.map((v) => v > 0) },
    ideal: q.map((_, i) => crossEntropy(unitVector(q.length, i), q, { base: 2 })),
    bit: entropy([1, 1], { base }),
  };
}
