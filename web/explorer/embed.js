// The iframe embed: the explorer from the address's query (untrusted, as on
// the main page; `mode` picks discrete or continuous, `controls` the panels),
// reporting its height to the host page so the iframe can fit it:
// { type: 'infodiv-height', height } by postMessage.
import { CONTINUOUS_PANELS, mountContinuousExplorer } from './continuous.js';
import { fromContinuousQuery, readMode } from './continuous-model.js';
import { mountExplorer, PANELS } from './explorer.js';
import { fromQuery, problemNote } from './model.js';

const [mode, modeProblem] = readMode(new URLSearchParams(location.search).get('mode'));
const continuous = mode === 'continuous';
const { state, problems } = continuous ? fromContinuousQuery(location.search) : fromQuery(location.search);
if (modeProblem) problems.unshift(modeProblem);
const all = continuous ? CONTINUOUS_PANELS : PANELS;
const asked = new URLSearchParams(location.search).get('controls');
const panels = asked ? asked.split(/[\s,]+/).filter((name) => all.includes(name)) : all;
if (problems.length) {
  const note = document.querySelector('[data-role="url-note"]');
  note.textContent = problemNote("This embed's address", problems);
  note.hidden = false;
}

await (continuous ? mountContinuousExplorer : mountExplorer)(document.querySelector('[data-explorer]'),
  { state, panels: panels.length ? panels : all });

// The height is all the host learns; any page may embed this, so '*' is fine.
// The <html> box is as tall as the content (scrollHeight never drops below the frame's height).
const report = () => parent.postMessage({
  type: 'infodiv-height', height: Math.ceil(document.documentElement.getBoundingClientRect().height),
}, '*');
new ResizeObserver(report).observe(document.documentElement);
report();
