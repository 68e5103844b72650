// <kl-explorer>: the explorer as one custom element for blog posts.
//
//   <script type="module" src="kl-explorer.js"></script>
//   <kl-explorer p="0.6,0.3,0.1" q="0.5,0.4,0.1" labels="A,B,C" units="bits"></kl-explorer>
//   <kl-explorer mode="continuous" family="gamma" p="2,1" q="3,2" bins="20"></kl-explorer>
//
// Built by Vite into one self-contained file (wasm, Chart.js and styles
// inside). Its shadow root keeps the host page's CSS out and its own CSS in.
// Events: `input` while a bar is dragged, `change` once a change settles,
// both with detail { p, q, labels, units, measures } (continuous mode:
// { mode: 'continuous', family, p, q, units, bins, measures }, p and q the
// parameters as objects).
import { CONTINUOUS_PANELS, mountContinuousExplorer } from './continuous.js';
import { fromContinuousParts, readMode } from './continuous-model.js';
import { mountExplorer, PANELS as DISCRETE_PANELS } from './explorer.js';
import { fromParts, problemNote } from './model.js';
import explorerCss from './explorer.css?inline';

const HOST_CSS = `
  /* Not !important: the host page may hide or place the element; inside, nothing of it reaches. */
  :host { display: block; margin: 1em 0; }
  :host([hidden]) { display: none; }
  .attribute-note { font: 14px/1.4 system-ui, sans-serif; color: #7a1c12; background: #fdecea;
    border: 1px solid #e3a59c; border-radius: 8px; padding: 8px 12px; margin: 0 0 8px; }
  @media (prefers-color-scheme: dark) { .attribute-note { color: #ffd9d3; background: #3a1d19; border-color: #7a3b32; } }
  .infodiv-explorer { margin: 0; }`;

let sheets = null; // shared by every element on the page
function styleSheets() {
  if (!sheets) {
    sheets = [explorerCss, HOST_CSS].map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
  }
  return sheets;
}

const list = (text) => (text === null ? null : text.split(',').map((s) => s.trim()));

/** Reads the attributes (untrusted): the mode, the state, the panels, the height, and what was wrong. */
function readAttributes(element) {
  const attr = (name) => element.getAttribute(name);
  const [mode, modeProblem] = readMode(attr('mode'));
  const { state, problems } = mode === 'continuous'
    ? fromContinuousParts({ family: attr('family'), p: attr('p'), q: attr('q'), units: attr('units'), bins: attr('bins') })
    : fromParts({ p: attr('p'), q: attr('q'), labels: list(attr('labels')), units: attr('units') });
  if (modeProblem) problems.unshift(modeProblem);
  const all = mode === 'continuous' ? CONTINUOUS_PANELS : DISCRETE_PANELS;
  let panels = all;
  const controls = attr('controls');
  if (controls !== null && controls.trim() !== '' && controls.trim() !== 'all') {
    const names = controls.split(/[\s,]+/).filter(Boolean);
    const unknown = names.filter((n) => !all.includes(n));
    if (unknown.length) problems.push(`controls may list ${all.join(', ')} (not ${unknown.join(', ').slice(0, 60)})`);
    else panels = names;
  }
  let height = null;
  const heightText = attr('height');
  if (heightText !== null) {
    const match = /^\s*(\d{2,4})(px)?\s*$/.exec(heightText);
    if (match && Number(match[1]) >= 120 && Number(match[1]) <= 2000) height = `${Number(match[1])}px`;
    else problems.push('height must be a number of pixels from 120 to 2000, e.g. height="300"');
  }
  return { mode, state, problems, panels, height };
}

// Where there is no DOM (server rendering in Next or Astro), importing this
// module defines nothing and throws nothing; the element upgrades in the browser.
const ElementBase = globalThis.HTMLElement ?? class {};

class KlExplorer extends ElementBase {
  static observedAttributes = ['mode', 'family', 'p', 'q', 'labels', 'units', 'bins', 'controls', 'height'];

  #note = document.createElement('p');
  #host = document.createElement('div');
  #explorer = null;
  #panels = '';
  #mode = 'discrete';
  #last = null; // the measures of the state shown
  #quiet = false; // applying attributes: no events
  #queued = false;
  #updates = Promise.resolve(); // updates run one after another, never two mounts at once

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = styleSheets();
    this.#note.className = 'attribute-note';
    this.#note.setAttribute('role', 'status');
    this.#note.hidden = true;
    shadow.append(this.#note, this.#host);
    // Native input events from the fields inside are composed and would reach
    // the page as if from this element; the page should only see ours.
    shadow.addEventListener('input', (event) => event.isTrusted && event.stopPropagation());
  }

  connectedCallback() {
    this.#scheduleUpdate();
  }

  disconnectedCallback() {
    this.#scheduleUpdate(); // tears the explorer down unless the element is back by then
  }

  attributeChangedCallback() {
    this.#scheduleUpdate();
  }

  /** The explorer's current { p, q, labels, units, measures }, or null before it has started. */
  get value() {
    return this.#explorer ? this.#detail(this.#explorer.state, this.#last) : null;
  }

  #detail(state, measures) {
    if (this.#mode === 'continuous') {
      return { mode: 'continuous', family: state.family, p: { ...state.p }, q: { ...state.q }, units: state.units,
        bins: state.bins, measures: { ...measures } };
    }
    return { p: [...state.p], q: [...state.q], labels: [...state.labels], units: state.units, measures: { ...measures } };
  }

  // Several attributes set in one task, or an upgrade, make one update.
  #scheduleUpdate() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#updates = this.#updates.then(() => this.#update()).catch((error) => {
        this.#note.textContent = `kl-explorer could not start: ${error.message}`;
        this.#note.hidden = false;
      });
    });
  }

  async #update() {
    if (!this.isConnected) {
      this.#explorer?.destroy();
      this.#explorer = null;
      this.#panels = '';
      return;
    }
    const { mode, state, problems, panels, height } = readAttributes(this);
    this.#note.textContent = problemNote('kl-explorer', problems);
    this.#note.hidden = problems.length === 0;
    if (height) this.#host.style.setProperty('--bars-height', height);
    else this.#host.style.removeProperty('--bars-height');

    if (this.#explorer && this.#panels === `${mode}:${panels.join()}`) {
      this.#quiet = true; // like a native input, only a reader's changes fire events
      this.#explorer.setState(state);
      this.#quiet = false;
      return;
    }
    this.#explorer?.destroy();
    this.#explorer = null;
    this.#panels = `${mode}:${panels.join()}`;
    this.#mode = mode;
    this.#explorer = await (mode === 'continuous' ? mountContinuousExplorer : mountExplorer)(this.#host, {
      state,
      panels,
      onChange: (current, measures, { settled }) => {
        this.#last = measures;
        if (!this.#explorer || this.#quiet) return; // the first render, or an attribute change
        this.dispatchEvent(new CustomEvent(settled ? 'change' : 'input', {
          bubbles: true, detail: this.#detail(current, measures),
        }));
      },
    });
  }
}

if (globalThis.customElements && !customElements.get('kl-explorer')) customElements.define('kl-explorer', KlExplorer);
