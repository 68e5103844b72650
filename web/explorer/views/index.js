// The registry of views. A view is a folder whose index.js declares its
// mode, its panels, how it reads and writes its URL state and element
// attributes, its share snippets, the detail of its events and its mount();
// a new view is a new folder and a line here. The page (main.js), the iframe
// embed (embed.js) and <kl-explorer> (kl-explorer.js) read their input
// through the two functions below, so every one of them reads `mode`,
// `controls`, `units`, `height` and `theme` the same way.
import { readControls, readHeight, readTheme } from '../input.js';
import continuous from './continuous/index.js';
import discrete from './discrete/index.js';

export const VIEWS = { discrete, continuous };
export const MODES = Object.keys(VIEWS);

/** The mode a URL or attribute asks for: [mode, problem or undefined]; the first view when none is. */
export function readMode(text) {
  if (text === null || text === undefined || text.trim() === '') return [MODES[0]];
  const mode = text.trim().toLowerCase();
  return MODES.includes(mode) ? [mode] : [MODES[0], `the mode must be ${MODES.join(' or ')}`];
}

// The view `mode` asks for, and the problems list to collect the rest in.
function pickView(modeText) {
  const [mode, problem] = readMode(modeText);
  return { view: VIEWS[mode], problems: problem ? [problem] : [] };
}

/**
 * What a query string (untrusted) asks for: { view, state, panels, theme, problems }.
 * The page ignores `controls` (all panels); the embed reads it (controls: true).
 */
export function fromQuery(search, { controls = false } = {}) {
  const params = new URLSearchParams(search);
  const { view, problems } = pickView(params.get('mode'));
  const { state, problems: stateProblems } = view.fromQuery(params);
  problems.push(...stateProblems);
  const panels = controls ? readControls(params.get('controls'), view.panels, problems) : view.panels;
  const theme = readTheme(params.get('theme'), problems);
  return { view, state, panels, theme, problems };
}

/** Every attribute <kl-explorer> reads: any view's, and the shared mode, controls, height and theme. */
export const ATTRIBUTES = [...new Set(['mode', ...Object.values(VIEWS).flatMap((view) => view.attributes), 'controls', 'height', 'theme'])];

/** What an element's attributes (untrusted) ask for: { view, state, panels, height, theme, problems }. */
export function fromAttributes(element) {
  const get = (name) => element.getAttribute(name);
  const { view, problems } = pickView(get('mode'));
  const { state, problems: stateProblems } = view.fromAttributes(get);
  problems.push(...stateProblems);
  const panels = readControls(get('controls'), view.panels, problems);
  const height = readHeight(get('height'), problems);
  const theme = readTheme(get('theme'), problems);
  return { view, state, panels, height, theme, problems };
}
