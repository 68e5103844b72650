// P and Q over a few named outcomes, drawn from with a seed: the part of the
// state the code and evidence views share, read from a query string or an
// element's attributes (untrusted: anything unusable falls back to the
// view's default, with a problem saying what) and written back as text.
import { parseDistribution, readSeed, readUnits } from '../input.js';
import { escapeAttribute } from '../util.js';
import { MAX_OUTCOMES, MIN_OUTCOMES, cleanLabel, letters } from './discrete/model.js';

const OUTCOMES = { min: MIN_OUTCOMES, max: MAX_OUTCOMES };

// The default P and Q, with the labels asked for if they fit.
function fallback(defaults, labelList, problems) {
  const labels = labelList?.length === defaults.p.length ? labelList.map(cleanLabel) : [...defaults.labels];
  if (labelList && labelList.length !== defaults.p.length) {
    problems.push(`${labelList.length} labels were given for the ${defaults.p.length} outcomes of the default`);
  }
  return { labels, p: [...defaults.p], q: [...defaults.q] };
}

// p and q as text (or null), labels as a list (or null): { labels, p, q }, problems added to `problems`.
function readPair({ p: pText, q: qText, labels: labelList }, defaults, problems) {
  if (pText === null && qText === null) return fallback(defaults, labelList, problems);
  const [p, pProblem] = parseDistribution(pText, 'P', OUTCOMES);
  const [q, qProblem] = parseDistribution(qText, 'Q', OUTCOMES);
  if (!p || !q || p.length !== q.length) {
    problems.push(...[pProblem, qProblem].filter(Boolean));
    if (p && q) problems.push('P and Q have different numbers of values');
    return fallback(defaults, null, problems);
  }
  if (labelList && labelList.length !== p.length) problems.push(`${labelList.length} labels were given for ${p.length} outcomes`);
  const labels = labelList?.length === p.length ? labelList.map(cleanLabel) : letters(p.length);
  return { labels, p, q };
}

/**
 * The shared state that untrusted parts ask for: p, q, units and seed as
 * text or null, labels as a list or null; `defaults` is the view's
 * { labels, p, q, units, seed }. Returns { state, problems }.
 */
export function readOutcomes(parts, defaults) {
  const problems = [];
  const units = parts.units === null ? defaults.units : readUnits(parts.units, problems);
  const pair = readPair(parts, defaults, problems);
  const seed = readSeed(parts.seed, defaults.seed, problems);
  return { state: { ...pair, units, seed }, problems };
}

/** The shared parts of a query string: p=…&q=…&label=…&units=…&seed=… (exact numbers). */
export function outcomesQuery(state) {
  const labels = state.labels.map((l) => `label=${encodeURIComponent(l)}`).join('&');
  return `p=${state.p.map(String).join(',')}&q=${state.q.map(String).join(',')}&${labels}&units=${state.units}&seed=${state.seed}`;
}

const list = (text) => (text === null ? null : text.split(',').map((s) => s.trim()));

/** The shared parts of an element's attributes, for readOutcomes; `get(name)` reads one (null when absent). */
export const outcomesAttributes = (get) => ({
  p: get('p'), q: get('q'), labels: list(get('labels')), units: get('units'), seed: get('seed'),
});

/** The shared parts of a query string's parameters (URLSearchParams), for readOutcomes. */
export const outcomesParams = (params) => ({
  p: params.get('p'), q: params.get('q'), units: params.get('units'), seed: params.get('seed'),
  labels: params.has('label') ? params.getAll('label') : null,
});

/**
 * What "Share / embed" offers for a state of view `mode`, given the site's
 * base URL and the view's query string of a state (toQuery) and its own
 * attributes ([name, value] pairs): the exact link, a <kl-explorer> snippet
 * and an iframe snippet. Snippet numbers are rounded to 6 digits (the
 * explorer normalises them again); commas in labels become spaces there.
 */
export function outcomesSnippets(mode, state, base, toQuery, own) {
  const round = (values) => values.map((v) => Number(v.toPrecision(6)));
  const rounded = { ...state, p: round(state.p), q: round(state.q) };
  const script = new URL('kl-explorer.js', base).href;
  const attributes = [['view', mode], ['p', rounded.p.join(',')], ['q', rounded.q.join(',')],
    ['labels', state.labels.map((l) => l.replace(/,/g, ' ')).join(',')], ['units', state.units], ['seed', String(state.seed)], ...own]
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ');
  return {
    link: new URL(toQuery(state), base).href,
    tag: `<script type="module" src="${escapeAttribute(script)}"></script>\n<kl-explorer ${attributes}></kl-explorer>`,
    iframe: `<iframe src="${escapeAttribute(new URL(`embed.html${toQuery(rounded)}`, base).href)}" `
      + 'title="KL divergence explorer" style="width: 100%; border: 0;" height="900" loading="lazy"></iframe>',
  };
}
