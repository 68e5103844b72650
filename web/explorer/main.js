// The explorer page: reads the state from the address bar (untrusted), mounts
// the explorer, and keeps the prose's numbers and the address bar in step.
import { mountExplorer } from './explorer.js';
import { formatNumber } from './format.js';
import { fromQuery, toQuery } from './model.js';

const host = document.querySelector('[data-explorer]');
const { state, problems } = fromQuery(location.search);
if (problems.length) {
  const note = document.querySelector('[data-role="url-note"]');
  note.textContent = `Part of this link could not be used (${problems.join('; ')}), so the default is shown instead.`;
  note.hidden = false;
}

function showLive(current, m) {
  for (const el of document.querySelectorAll('[data-live]')) el.textContent = formatNumber(m[el.dataset.live]);
  for (const el of document.querySelectorAll('[data-live-unit]')) el.textContent = current.units;
}

try {
  await mountExplorer(host, {
    state,
    onChange(current, m, { settled }) {
      showLive(current, m);
      if (settled) history.replaceState(null, '', toQuery(current) + location.hash);
    },
  });
} catch (error) {
  host.textContent = `The explorer could not start: ${error.message}`;
  throw error;
}
