// The evidence view, as the registry (../index.js) knows it: KL as the rate
// at which samples build up evidence for the truth, how many samples a test
// needs, and estimating KL from samples.
import { mount } from './mount.js';
import { PANELS } from './template.js';
import { fromAttributes, fromQuery, shareSnippets, toQuery } from './url.js';

export default {
  mode: 'evidence',
  /** The panels `controls` may list, all shown by default. */
  panels: PANELS,
  /** The attributes of <kl-explorer> it reads (besides view, controls and height). */
  attributes: ['p', 'q', 'labels', 'units', 'seed', 'truth', 'runs', 'n'],
  /** The page's title in this view. */
  title: 'KL is how fast the evidence grows · infodiv explorer',
  fromQuery,
  toQuery,
  fromAttributes,
  shareSnippets,
  /** <kl-explorer>'s value and the detail of its events: copies, so a listener cannot change the view. */
  detail: (state, measures) => ({
    view: 'evidence', p: [...state.p], q: [...state.q], labels: [...state.labels], units: state.units,
    seed: state.seed, truth: state.truth, runs: state.runs, n: state.n, measures: { ...measures },
  }),
  mount,
};
