// The evidence view's state as text: the query string of the page and the
// embed (?view=evidence&p=…&q=…&label=…&units=…&seed=…&truth=p&runs=20&n=200),
// the attributes of <kl-explorer view="evidence">, and the snippets "Share /
// embed" offers. Both are untrusted input: anything unusable falls back to
// the default.
import { readChoice, repeatedParams } from '../../input.js';
import { outcomesAttributes, outcomesParams, outcomesQuery, outcomesSnippets, readOutcomes } from '../outcomes.js';
import { DEFAULTS, LENGTHS, RUNS, TRUTHS } from './model.js';

const own = (state) => [['truth', state.truth], ['runs', String(state.runs)], ['n', String(state.n)]];

/** The query string of a state (exact numbers). */
export const toQuery = (state) => `?view=evidence&${outcomesQuery(state)}&${own(state).map(([k, v]) => `${k}=${v}`).join('&')}`;

function fromParts(parts, get) {
  const { state, problems } = readOutcomes(parts, DEFAULTS);
  const truth = readChoice(get('truth'), 'truth (where the samples come from)', TRUTHS, DEFAULTS.truth, problems);
  const runs = readChoice(get('runs'), 'runs', RUNS, DEFAULTS.runs, problems);
  const n = readChoice(get('n'), 'n (observations per run)', LENGTHS, DEFAULTS.n, problems);
  return { state: { ...state, truth, runs, n }, problems };
}

/** The state a query string's parameters (URLSearchParams) ask for. */
export function fromQuery(params) {
  const { state, problems } = fromParts(outcomesParams(params), (name) => params.get(name));
  const repeated = repeatedParams(params, ['view', 'mode', 'p', 'q', 'units', 'seed', 'truth', 'runs', 'n']);
  return { state, problems: [...problems, ...repeated] };
}

/** The state an element's attributes ask for; `get(name)` reads one (null when absent). */
export const fromAttributes = (get) => fromParts(outcomesAttributes(get), get);

/** The link, <kl-explorer> and iframe snippets for a state, given the site's base URL. */
export const shareSnippets = (state, base) => outcomesSnippets('evidence', state, base, toQuery, own(state));
