// What the code view says in words: the units note, why Q's message cannot
// be written, the chart and the message for screen readers, and what the
// live region says when a run pauses: the view's numbers (the library's) in, text out.
import { formatNumber, formatProbability } from '../../util.js';
import { message, recent } from './run.js';

const list = (items) => new Intl.ListFormat('en').format(items);
const LOG_NAMES = { bits: 'log₂ 2 = 1 bit', nats: 'ln 2', hartleys: 'log₁₀ 2' };

/** What the units mean for a binary code; `bit` is one bit in the units (from the library). */
export function unitsNote(units, bit) {
  if (units === 'bits') return 'In bits, a codeword’s length is its number of binary digits.';
  return `The codes write binary digits, so the table counts bits; in ${units} each bit is worth `
    + `${LOG_NAMES[units]} = ${formatNumber(bit)} ${units}, and the averages above are bits per symbol times that `
    + `(a code writing ${units === 'nats' ? 'e-ary' : 'decimal'} digits would be needed to reach them directly).`;
}

// The outcomes P sends for which Q's code has no word.
const missing = (state) => state.labels.flatMap((_, i) => (state.p[i] > 0 && state.q[i] === 0 ? [i] : []));

/** Why Q's message cannot be written ('' when it can); `at` is the symbol where it stopped (0: not yet). */
export function infinityNote(state, at) {
  const hit = missing(state);
  if (!hit.length) return '';
  const one = hit.length === 1;
  return `Q gives probability 0 to ${list(hit.map((i) => `“${state.labels[i]}”`))}, which P sends with probability `
    + `${list(hit.map((i) => formatProbability(state.p[i])))}: Q’s code has no codeword for ${one ? 'it' : 'them'}, `
    + `so once P sends ${one ? 'it' : 'one'} the message cannot be written with Q’s code. Its length, H(P,Q) and `
    + `KL(P‖Q) are infinite.${at ? ` Here that happened at symbol ${at}.` : ''}`;
}

const say = (v, units) => (v === Infinity ? 'infinite' : Number.isNaN(v) ? 'none yet' : `${formatNumber(v)} ${units}`);

/** The chart in words. */
export function describeChart(view) {
  const { state, numbers: { m } } = view, { n, average: a } = message(view), u = state.units;
  return `Running average length per symbol after ${n} symbols: with P’s code ${say(a.p, u)}, `
    + `with Q’s code ${say(a.q, u)}. They settle on Huffman’s averages Σ pᵢℓᵢ: ${say(m.huffmanP, u)} for P’s code `
    + `and ${say(m.huffmanQ, u)} for Q’s. The ideal averages are H(P) ${say(m.entropyP, u)} and H(P,Q) `
    + `${say(m.crossEntropyPQ, u)}; the gap between them is KL(P‖Q) ${say(m.klPQ, u)}.`;
}

/** What the live region says when the run pauses (or takes one step). */
export function announcement(view) {
  const { state, numbers: { m } } = view, { n, bits, average: a } = message(view), u = state.units;
  const q = bits.q === Infinity ? 'Q’s code cannot write the message' : `Q’s code ${bits.q} bits, ${say(a.q, u)} per symbol`;
  return `Paused after ${n} symbol${n === 1 ? '' : 's'}: P’s code ${bits.p} bits, ${say(a.p, u)} per symbol; ${q}. `
    + `In the long run: ${say(m.huffmanP, u)} and ${say(m.huffmanQ, u)}.`;
}

/** The last symbols and their codewords in words (the strip on screen is hidden from screen readers). */
export function messageText(view) {
  const { state, numbers: { codes, canWrite } } = view, last = Array.from(recent(view, 8));
  if (!last.length) return 'No symbols sent yet.';
  const word = (code, i) => (canWrite[code][i] ? codes[code].codewords[i] || 'empty' : 'no codeword');
  return `The last ${last.length} symbols: ${last.map((i) => `${state.labels[i]} (P’s code ${word('p', i)}, Q’s code ${word('q', i)})`).join(', ')}.`;
}
