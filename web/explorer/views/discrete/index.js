// The discrete view, as the registry (../index.js) knows it: two
// distributions over a few outcomes, drawn as bars.
import { mount } from './mount.js';
import { PANELS } from './template.js';
import { fromAttributes, fromQuery, shareSnippets, toQuery } from './url.js';

export default {
  mode: 'discrete',
  /** The panels `controls` may list, all shown by default. */
  panels: PANELS,
  /** The attributes of <kl-explorer> it reads (besides mode, controls and height). */
  attributes: ['p', 'q', 'labels', 'units'],
  /** The page's title in this mode (null: the page's own). */
  title: null,
  fromQuery,
  toQuery,
  fromAttributes,
  shareSnippets,
  /** <kl-explorer>'s value and the detail of its events: copies, so a listener cannot change the view. */
  detail: (state, measures) => ({
    p: [...state.p], q: [...state.q], labels: [...state.labels], units: state.units, measures: { ...measures },
  }),
  mount,
};
