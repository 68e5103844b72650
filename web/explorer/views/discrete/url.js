// The discrete view's state as text: the query string of the page and the
// embed (?p=…&q=…&label=…&units=…), the attributes of <kl-explorer>, and the
// snippets "Share / embed" offers. Both are untrusted input: anything
// unusable falls back to the default, with a problem saying what.
import { parseDistribution, readUnits, repeatedParams } from '../../input.js';
import { escapeAttribute } from '../../util.js';
import { DEFAULT_PRESET, MAX_OUTCOMES, MIN_OUTCOMES, cleanLabel, fromPreset, letters } from './model.js';

/** The query string of a state: ?p=…&q=…&label=…&units=… (exact numbers). */
export function toQuery(state) {
  const labels = state.labels.map((l) => `label=${encodeURIComponent(l)}`).join('&');
  return `?p=${state.p.map(String).join(',')}&q=${state.q.map(String).join(',')}&${labels}&units=${state.units}`;
}

const OUTCOMES = { min: MIN_OUTCOMES, max: MAX_OUTCOMES };

// The default P and Q, with the labels asked for if they fit.
function defaultState(units, labelList, problems) {
  const state = fromPreset(DEFAULT_PRESET, units);
  if (labelList && labelList.length === state.p.length) state.labels = labelList.map(cleanLabel);
  else if (labelList) problems.push(`${labelList.length} labels were given for the ${state.p.length} outcomes of the default`);
  return { state, problems };
}

/**
 * The state that untrusted parts ask for (from a URL or an element's
 * attributes): p and q as comma-separated text or null, labels as a list or
 * null, units as text or null. Anything unusable falls back to the default;
 * `problems` says what, in words for a visible note.
 */
export function fromParts({ p: pText, q: qText, labels: labelList, units: unitsText }) {
  const problems = [];
  const units = readUnits(unitsText, problems);
  if (pText === null && qText === null) return defaultState(units, labelList, problems);

  const [p, pProblem] = parseDistribution(pText, 'P', OUTCOMES);
  const [q, qProblem] = parseDistribution(qText, 'Q', OUTCOMES);
  const outcomes = p ? p.length : pText === null ? 0 : pText.split(',').length;
  if (labelList && labelList.length !== outcomes) problems.push(`${labelList.length} labels were given for ${outcomes} outcomes`);
  if (!p || !q || p.length !== q.length) {
    problems.push(...[pProblem, qProblem].filter(Boolean));
    if (p && q) problems.push('P and Q have different numbers of values');
    return { state: fromPreset(DEFAULT_PRESET, units), problems };
  }
  let labels = (labelList ?? []).map(cleanLabel);
  if (labels.length !== p.length) labels = letters(p.length);
  return { state: { labels, p, q, units, locked: { p: p.map(() => false), q: q.map(() => false) } }, problems };
}

/** The state a query string's parameters (URLSearchParams) ask for. */
export function fromQuery(params) {
  const { state, problems } = fromParts({
    p: params.get('p'), q: params.get('q'), units: params.get('units'),
    labels: params.has('label') ? params.getAll('label') : null,
  });
  return { state, problems: [...problems, ...repeatedParams(params, ['mode', 'p', 'q', 'units'])] };
}

const list = (text) => (text === null ? null : text.split(',').map((s) => s.trim()));

/** The state an element's attributes ask for; `get(name)` reads one (null when absent). */
export const fromAttributes = (get) => fromParts({ p: get('p'), q: get('q'), labels: list(get('labels')), units: get('units') });

/**
 * What "Share / embed" offers for a state, given the site's base URL: the
 * exact link, a <kl-explorer> snippet and an iframe snippet. Snippet numbers
 * are rounded to 6 digits (the explorer normalises them again); commas
 * cannot appear in a labels attribute, so they become spaces there.
 */
export function shareSnippets(state, base) {
  const round = (values) => values.map((v) => Number(v.toPrecision(6)));
  const rounded = { ...state, p: round(state.p), q: round(state.q) };
  const script = new URL('kl-explorer.js', base).href;
  const attributes = [['p', rounded.p.join(',')], ['q', rounded.q.join(',')],
    ['labels', state.labels.map((l) => l.replace(/,/g, ' ')).join(',')], ['units', state.units]]
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ');
  return {
    link: new URL(toQuery(state), base).href,
    tag: `<script type="module" src="${escapeAttribute(script)}"></script>\n<kl-explorer ${attributes}></kl-explorer>`,
    iframe: `<iframe src="${escapeAttribute(new URL(`embed.html${toQuery(rounded)}`, base).href)}" `
      + 'title="KL divergence explorer" style="width: 100%; border: 0;" height="760" loading="lazy"></iframe>',
  };
}
