// The code view's state as text: the query string of the page and the embed
// (?view=code&p=…&q=…&label=…&units=…&seed=…&speed=…), the attributes of
// <kl-explorer view="code">, and the snippets "Share / embed" offers. Both
// are untrusted input: anything unusable falls back to the default.
import { readChoice, repeatedParams } from '../../input.js';
import { outcomesAttributes, outcomesParams, outcomesQuery, outcomesSnippets, readOutcomes } from '../outcomes.js';
import { DEFAULTS, SPEEDS } from './model.js';

/** The query string of a state (exact numbers). */
export const toQuery = (state) => `?view=code&${outcomesQuery(state)}&speed=${state.speed}`;

function fromParts(parts, speedText) {
  const { state, problems } = readOutcomes(parts, DEFAULTS);
  const speed = readChoice(speedText, 'speed (symbols per second)', SPEEDS, DEFAULTS.speed, problems);
  return { state: { ...state, speed }, problems };
}

/** The state a query string's parameters (URLSearchParams) ask for. */
export function fromQuery(params) {
  const { state, problems } = fromParts(outcomesParams(params), params.get('speed'));
  return { state, problems: [...problems, ...repeatedParams(params, ['view', 'mode', 'p', 'q', 'units', 'seed', 'speed'])] };
}

/** The state an element's attributes ask for; `get(name)` reads one (null when absent). */
export const fromAttributes = (get) => fromParts(outcomesAttributes(get), get('speed'));

/** The link, <kl-explorer> and iframe snippets for a state, given the site's base URL. */
export const shareSnippets = (state, base) => outcomesSnippets('code', state, base, toQuery, [['speed', String(state.speed)]]);
