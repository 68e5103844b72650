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
import { problemNote } from './input.js';
import { ATTRIBUTES, VIEWS, fromAttributes } from './views/index.js';
import explorerCss from './explorer.css?inline';
import hostCss from './kl-explorer.css?inline';

let sheets = null; // shared by every element on the page
function styleSheets() {
  if (!sheets) {
    sheets = [explorerCss, hostCss].map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
  }
  return sheets;
}

// Where there is no DOM (server rendering in Next or Astro), importing this
// module defines nothing and throws nothing; the element upgrades in the browser.
const ElementBase = globalThis.HTMLElement ?? class {};

class KlExplorer extends ElementBase {
  static observedAttributes = ATTRIBUTES;

  #note = document.createElement('p');
  #host = document.createElement('div');
  #explorer = null;
  #panels = '';
  #view = VIEWS.discrete; // the view mounted, which says what the events' detail is
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
    return this.#view.detail(state, measures);
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
    const { view, state, problems, panels, height, theme } = fromAttributes(this);
    this.#note.textContent = problemNote('kl-explorer', problems);
    this.#note.hidden = problems.length === 0;
    // Set only when it changes: the shell then recreates the charts in the theme's colours.
    for (const el of [this.#note, this.#host]) if (el.dataset.theme !== theme) el.dataset.theme = theme;
    if (height) this.#host.style.setProperty('--bars-height', height);
    else this.#host.style.removeProperty('--bars-height');

    if (this.#explorer && this.#panels === `${view.mode}:${panels.join()}`) {
      this.#quiet = true; // like a native input, only a reader's changes fire events
      this.#explorer.setState(state);
      this.#quiet = false;
      return;
    }
    this.#explorer?.destroy();
    this.#explorer = null;
    this.#panels = `${view.mode}:${panels.join()}`;
    this.#view = view;
    this.#explorer = await view.mount(this.#host, {
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
