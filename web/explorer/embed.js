// The iframe embed: the view the address's query asks for (untrusted, read
// through the registry as on the main page; `mode` picks the view, `controls`
// its panels), reporting its height to the host page so the iframe can fit
// it: { type: 'infodiv-height', height } by postMessage.
import { problemNote } from './input.js';
import { fromQuery } from './views/index.js';

const { view, state, panels, theme, problems } = fromQuery(location.search, { controls: true });
document.documentElement.dataset.theme = theme; // as early.js guessed, now checked
if (problems.length) {
  const note = document.querySelector('[data-role="url-note"]');
  note.textContent = problemNote("This embed's address", problems);
  note.hidden = false;
}

await view.mount(document.querySelector('[data-explorer]'), { state, panels });

// The height is all the host learns; any page may embed this, so '*' is fine.
// The <html> box is as tall as the content (scrollHeight never drops below the frame's height).
const report = () => parent.postMessage({
  type: 'infodiv-height', height: Math.ceil(document.documentElement.getBoundingClientRect().height),
}, '*');
new ResizeObserver(report).observe(document.documentElement);
report();
