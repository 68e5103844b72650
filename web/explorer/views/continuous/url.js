// The continuous view's state as text: the query string of the page and the
// embed (?mode=continuous&family=…&p=…&q=…&units=…[&bins=k]), the attributes
// of <kl-explorer>, and the snippets "Share / embed" offers. Both are
// untrusted input, read like the discrete view's: anything unusable falls
// back to the default for that part, with a problem saying what.
import { parseNumber, readUnits, repeatedParams } from '../../input.js';
import { escapeAttribute } from '../../util.js';
import { DEFAULT_PAIR, FAMILIES, MAX_BINS, MIN_BINS, PAIRS, UNIFORM_MIN_WIDTH, fromPair } from './model.js';

const paramText = (state, side) => FAMILIES[PAIRS[state.family][side]].params.map(({ key }) => String(state[side][key])).join(',');

/** The query string of a state: ?mode=continuous&family=…&p=…&q=…&units=…[&bins=k]. */
export function toQuery(state) {
  return `?mode=continuous&family=${state.family}&p=${paramText(state, 'p')}&q=${paramText(state, 'q')}&units=${state.units}`
    + (state.bins ? `&bins=${state.bins}` : '');
}

const fmt = (v) => String(Number(v.toPrecision(6)));

// One side's parameters from text ("0,1"): [values] or [null, reason].
function parseParams(text, familyKey, name) {
  const family = FAMILIES[familyKey], n = family.params.length;
  const list = family.params.map((p) => p.symbol).join(', ');
  if (text.length > 200) return [null, `${name} is too long`];
  const parts = text.split(',');
  if (parts.length !== n) return [null, `${name} needs ${n === 1 ? 'one number' : `${n} numbers`} for ${family.name} (${list})`];
  const values = {};
  for (const [i, { key, symbol, min, max }] of family.params.entries()) {
    const v = parseNumber(parts[i]);
    if (!Number.isFinite(v)) return [null, `${name}'s ${symbol} is not a number`];
    if (v < min || v > max) return [null, `${name}'s ${symbol} must be from ${fmt(min)} to ${fmt(max)} (got ${fmt(v)})`];
    values[key] = v;
  }
  if (familyKey === 'uniform' && !(values.high - values.low >= UNIFORM_MIN_WIDTH)) {
    return [null, `${name}'s lower end must be below its upper end by at least ${UNIFORM_MIN_WIDTH}`];
  }
  return [values];
}

/** Finds a pair by name, ignoring case ("lognormal" is logNormal). */
const pairKey = (text) => Object.keys(PAIRS).find((k) => k.toLowerCase() === text.trim().toLowerCase());
const given = (text) => text !== null && text !== undefined;

function readBins(text, problems) {
  if (!given(text)) return 0;
  const k = /^\s*\d{1,4}\s*$/.test(text) ? Number(text) : NaN;
  if (k >= MIN_BINS && k <= MAX_BINS) return k;
  problems.push(`bins must be a whole number from ${MIN_BINS} to ${MAX_BINS}`);
  return 0;
}

// The pair asked for; undefined, with a problem, for a name that is none (or too long to be one).
function readPair(text, problems) {
  if (!given(text)) return DEFAULT_PAIR;
  const key = text.length <= 40 ? pairKey(text) : undefined;
  if (!key) problems.push(`the family must be one of ${Object.keys(PAIRS).join(', ')}`);
  return key;
}

/**
 * The state that untrusted parts ask for (a URL's or an element's): family,
 * p, q, units and bins as text or null. Anything unusable falls back to the
 * default for that part; `problems` says what, in words for a visible note.
 */
export function fromParts({ family: familyText, p: pText, q: qText, units: unitsText, bins: binsText }) {
  const problems = [];
  const units = readUnits(unitsText, problems);
  const bins = readBins(binsText, problems);
  const family = readPair(familyText, problems) ?? DEFAULT_PAIR;
  const state = fromPair(family, units, bins);
  if (given(familyText) && !pairKey(familyText)) return { state, problems }; // numbers meant for an unknown family are not read
  for (const [side, text] of [['p', pText], ['q', qText]]) {
    if (!given(text)) continue;
    const [values, problem] = parseParams(text, PAIRS[family][side], side.toUpperCase());
    if (values) state[side] = values;
    else problems.push(problem);
  }
  return { state, problems };
}

/** The state a query string's parameters (URLSearchParams) ask for (mode=continuous already read). */
export function fromQuery(params) {
  const { state, problems } = fromAttributes((name) => params.get(name));
  return { state, problems: [...problems, ...repeatedParams(params, ['mode', 'family', 'p', 'q', 'units', 'bins'])] };
}

/** The state an element's attributes ask for; `get(name)` reads one (null when absent). */
export const fromAttributes = (get) => fromParts({ family: get('family'), p: get('p'), q: get('q'), units: get('units'), bins: get('bins') });

/** What "Share / embed" offers for a continuous state: the link, a <kl-explorer> snippet and an iframe snippet. */
export function shareSnippets(state, base) {
  const attributes = [['mode', 'continuous'], ['family', state.family], ['p', paramText(state, 'p')], ['q', paramText(state, 'q')],
    ['units', state.units], ...(state.bins ? [['bins', String(state.bins)]] : [])]
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ');
  const script = new URL('kl-explorer.js', base).href;
  return {
    link: new URL(toQuery(state), base).href,
    tag: `<script type="module" src="${escapeAttribute(script)}"></script>\n<kl-explorer ${attributes}></kl-explorer>`,
    iframe: `<iframe src="${escapeAttribute(new URL(`embed.html${toQuery(state)}`, base).href)}" `
      + 'title="KL divergence explorer, continuous" style="width: 100%; border: 0;" height="900" loading="lazy"></iframe>',
  };
}
