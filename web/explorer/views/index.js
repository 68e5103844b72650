// The registry of views. A view is a folder whose index.js declares its
// mode, its panels, how it reads and writes its URL state and element
// attributes, its share snippets, the detail of its events and its mount();
// a new view is a new folder and a line here. The page (main.js), the iframe
// embed (embed.js) and <kl-explorer> (kl-explorer.js) read their input
// through the two functions below, so every one of them reads the view
// (`view`, or its older name `mode`), `controls`, `units`, `height` and
// `theme` the same way.
import { readControls, readHeight, readTheme } from '../input.js';
import code from './code/index.js';
import continuous from './continuous/index.js';
import discrete from './discrete/index.js';
import evidence from './evidence/index.js';

export const VIEWS = { discrete, continuous, code, evidence };
export const MODES = Object.keys(VIEWS);

const given = (text) => text !== null && text !== undefined && text.trim() !== '';
const choices = () => `${MODES.slice(0, -1).join(', ')} or ${MODES.at(-1)}`;

/**
 * The view a URL or attribute asks for: [mode, problem or undefined]; the
 * first view when none is. `name` is the word the reader used (view or mode).
 */
export function readMode(text, name = 'mode') {
  if (!given(text)) return [MODES[0]];
  const mode = text.trim().toLowerCase();
  return MODES.includes(mode) ? [mode] : [MODES[0], `the ${name} must be ${choices()}`];
}

// The view `view` (or else `mode`) asks for, and the problems list to collect the rest in.
function pickView(viewText, modeText) {
  const [mode, problem] = given(viewText) ? readMode(viewText, 'view') : readMode(modeText);
  const problems = problem ? [problem] : [];
  if (given(viewText) && given(modeText) && viewText.trim().toLowerCase() !== modeText.trim().toLowerCase()) {
    problems.push('view and mode name different views (view is used)');
  }
  return { view: VIEWS[mode], problems };
}

/**
 * What a query string (untrusted) asks for: { view, state, panels, theme, problems }.
 * The page ignores `controls` (all panels); the embed reads it (controls: true).
 */
export function fromQuery(search, { controls = false } = {}) {
  const params = new URLSearchParams(search);
  const { view, problems } = pickView(params.get('view'), params.get('mode'));
  const { state, problems: stateProblems } = view.fromQuery(params);
  problems.push(...stateProblems);
  const panels = controls ? readControls(params.get('controls'), view.panels, problems) : view.panels;
  const theme = readTheme(params.get('theme'), problems);
  return { view, state, panels, theme, problems };
}

/** Every attribute <kl-explorer> reads: any view's, and the shared view (or mode), controls, height and theme. */
export const ATTRIBUTES = [...new Set(['view', 'mode', ...Object.values(VIEWS).flatMap((view) => view.attributes), 'controls', 'height', 'theme'])];

/** What an element's attributes (untrusted) ask for: { view, state, panels, height, theme, problems }. */
export function fromAttributes(element) {
  const get = (name) => element.getAttribute(name);
  const { view, problems } = pickView(get('view'), get('mode'));
  const { state, problems: stateProblems } = view.fromAttributes(get);
  problems.push(...stateProblems);
  const panels = readControls(get('controls'), view.panels, problems);
  const height = readHeight(get('height'), problems);
  const theme = readTheme(get('theme'), problems);
  return { view, state, panels, height, theme, problems };
}
