// What the discrete view says in words: why a KL is infinite, the text
// equivalents of its charts (a canvas has no text), a term's tooltip and the
// announcement for screen readers. Pure: state and the library's numbers in,
// text out.
import { formatNumber, formatProbability } from '../../util.js';

const list = (items) => new Intl.ListFormat('en').format(items);

// "KL(P‖Q) is infinite: Q gives probability 0 to “rain”, which has probability 0.2 under P. …"
function explainZero(state, zero, other) {
  const hit = state.labels.flatMap((label, i) => (state[zero][i] === 0 && state[other][i] > 0 ? [i] : []));
  if (!hit.length) return '';
  const one = hit.length === 1, [Z, O] = [zero.toUpperCase(), other.toUpperCase()];
  return `KL(${O}‖${Z}) is infinite: ${Z} gives probability 0 to ${list(hit.map((i) => `“${state.labels[i]}”`))}, `
    + `which ${one ? 'has' : 'have'} probability ${list(hit.map((i) => formatProbability(state[other][i])))} under ${O}. `
    + `A code built for ${Z} has no codeword for ${one ? 'it' : 'them'}, so coding ${O}'s outcomes with it `
    + 'costs infinitely much.';
}

/** Why KL is infinite in either direction ('' when neither is). */
export const infinityNote = (state) => [explainZero(state, 'q', 'p'), explainZero(state, 'p', 'q')].filter(Boolean).join(' ');

/** The decomposition chart in words. */
export function describeDecomposition(m, units) {
  const f = formatNumber;
  return `Cross-entropy split into entropy and KL, in ${units}: `
    + `H(P,Q) ${f(m.crossEntropyPQ)} = H(P) ${f(m.entropyP)} + KL(P‖Q) ${f(m.klPQ)}; `
    + `H(Q,P) ${f(m.crossEntropyQP)} = H(Q) ${f(m.entropyQ)} + KL(Q‖P) ${f(m.klQP)}.`;
}

/** The chart of per-outcome terms in words. */
export function describeTerms(state, terms) {
  const f = formatNumber;
  return `Each outcome's terms of KL, in ${state.units}: `
    + state.labels.map((label, i) => `${label}: p·log(p/q) ${f(terms[0][i])}, q·log(q/p) ${f(terms[1][i])}`).join('; ')
    + '.';
}

/** The tooltip of term i of KL(P‖Q) (d = 0) or KL(Q‖P) (d = 1). */
export function describeTerm(state, terms, d, i) {
  const [a, b] = d === 0 ? [state.p[i], state.q[i]] : [state.q[i], state.p[i]];
  const [A, B] = d === 0 ? ['p', 'q'] : ['q', 'p'];
  return `${A} = ${formatProbability(a)}, ${B} = ${formatProbability(b)}: ${A}·log(${A}/${B}) = `
    + `${formatNumber(terms[d][i])} ${state.units}`;
}

/** What the live region says once a change has settled. */
export function announcement(m, units) {
  const say = (v) => (v === Infinity ? 'infinite' : `${formatNumber(v)} ${units}`);
  return `KL(P‖Q) ${say(m.klPQ)}, KL(Q‖P) ${say(m.klQP)}, `
    + `entropy H(P) ${say(m.entropyP)}, cross-entropy H(P,Q) ${say(m.crossEntropyPQ)}.`;
}
