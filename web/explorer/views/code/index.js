// The code view, as the registry (../index.js) knows it: outcomes drawn from
// P written with a code built for P and one built for Q; cross-entropy is
// the length of the message.
import { mount } from './mount.js';
import { PANELS } from './template.js';
import { fromAttributes, fromQuery, shareSnippets, toQuery } from './url.js';

export default {
  mode: 'code',
  /** The panels `controls` may list, all shown by default. */
  panels: PANELS,
  /** The attributes of <kl-explorer> it reads (besides view, controls and height). */
  attributes: ['p', 'q', 'labels', 'units', 'seed', 'speed'],
  /** The page's title in this view. */
  title: 'Cross-entropy is the length of your messages · infodiv explorer',
  fromQuery,
  toQuery,
  fromAttributes,
  shareSnippets,
  /** <kl-explorer>'s value and the detail of its events: copies, so a listener cannot change the view. */
  detail: (state, measures) => ({
    view: 'code', p: [...state.p], q: [...state.q], labels: [...state.labels], units: state.units,
    seed: state.seed, speed: state.speed, measures: { ...measures },
  }),
  mount,
};
