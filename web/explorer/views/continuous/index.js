// The continuous view, as the registry (../index.js) knows it: two densities
// of a family, drawn as curves.
import { mount } from './mount.js';
import { PANELS } from './template.js';
import { fromAttributes, fromQuery, shareSnippets, toQuery } from './url.js';

export default {
  mode: 'continuous',
  /** The panels `controls` may list, all shown by default. */
  panels: PANELS,
  /** The attributes of <kl-explorer> it reads (besides mode, controls and height). */
  attributes: ['family', 'p', 'q', 'units', 'bins'],
  /** The page's title in this mode. */
  title: 'KL divergence of densities, by dragging · infodiv explorer',
  fromQuery,
  toQuery,
  fromAttributes,
  shareSnippets,
  /** <kl-explorer>'s value and the detail of its events: copies, so a listener cannot change the view. */
  detail: (state, measures) => ({
    mode: 'continuous', family: state.family, p: { ...state.p }, q: { ...state.q }, units: state.units,
    bins: state.bins, measures: { ...measures },
  }),
  mount,
};
