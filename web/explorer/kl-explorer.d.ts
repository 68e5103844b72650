// Types of <kl-explorer> (dist/kl-explorer.js), for TypeScript and TSX users:
//   import 'infodiv/kl-explorer.js';
//   const el = document.querySelector('kl-explorer');   // KlExplorerElement | null
//   el?.addEventListener('change', (e) => e.detail.measures.klPQ);
// Importing the element where there is no DOM (server rendering) is harmless:
// it is defined when the module runs in a browser.
import type { Measures } from './infodiv.js';

export type KlExplorerUnits = 'nats' | 'bits' | 'hartleys';
export type KlExplorerView = 'discrete' | 'continuous' | 'code' | 'evidence';
export type KlExplorerFamily =
  | 'normal' | 'laplace' | 'cauchy' | 'logNormal' | 'exponential' | 'gamma' | 'beta' | 'uniform'
  | 'normal-laplace' | 'laplace-normal';

/** The measures of the continuous mode: both directions of KL, entropies and cross-entropies. */
export interface KlExplorerContinuousMeasures {
  klPQ: number; klQP: number; entropyP: number; entropyQ: number; crossEntropyPQ: number; crossEntropyQP: number;
}

/** `value` and the events' `detail` in the discrete mode. */
export interface KlExplorerDiscreteValue {
  /** As shown: after a reader types a value it may not sum to 1 until they normalise (`measures` use it normalised). */
  p: number[];
  q: number[];
  labels: string[];
  units: KlExplorerUnits;
  measures: Measures;
}

/** `value` and the events' `detail` in the continuous mode; p and q are parameter objects ({ mu: 0, sigma: 1 }). */
export interface KlExplorerContinuousValue {
  mode: 'continuous';
  family: KlExplorerFamily;
  p: Record<string, number>;
  q: Record<string, number>;
  units: KlExplorerUnits;
  bins: number | null;
  measures: KlExplorerContinuousMeasures;
}

/** The code view's measures: the library's seven, and each Huffman code's average length Σ pᵢℓᵢ on P's outcomes. */
export interface KlExplorerCodeMeasures extends Measures {
  huffmanP: number;
  huffmanQ: number;
}

/** `value` and the events' `detail` in the code view (`view="code"`). */
export interface KlExplorerCodeValue {
  view: 'code';
  p: number[];
  q: number[];
  labels: string[];
  units: KlExplorerUnits;
  /** The seed of the sampler that draws P's outcomes. */
  seed: number;
  /** Symbols per second while playing. */
  speed: number;
  measures: KlExplorerCodeMeasures;
}

/** The evidence view's measures: the library's seven, log 19 in the units, and log 19 / KL of the samples' source against the other. */
export interface KlExplorerEvidenceMeasures extends Measures {
  threshold: number;
  wald: number;
}

/** `value` and the events' `detail` in the evidence view (`view="evidence"`). */
export interface KlExplorerEvidenceValue {
  view: 'evidence';
  p: number[];
  q: number[];
  labels: string[];
  units: KlExplorerUnits;
  /** The seed of the sampler that draws the runs. */
  seed: number;
  /** Where the samples come from. */
  truth: 'p' | 'q';
  /** How many runs, and how many samples each. */
  runs: number;
  n: number;
  measures: KlExplorerEvidenceMeasures;
}

export type KlExplorerValue = KlExplorerDiscreteValue | KlExplorerContinuousValue | KlExplorerCodeValue | KlExplorerEvidenceValue;

/** The `input` (while dragging) and `change` (once settled) events. */
export type KlExplorerEvent = CustomEvent<KlExplorerValue>;

export interface KlExplorerEventMap extends HTMLElementEventMap {
  input: KlExplorerEvent;
  change: KlExplorerEvent;
}

/** The attributes, as strings, as in HTML (see the README's table). */
export interface KlExplorerAttributes {
  p?: string;
  q?: string;
  labels?: string;
  units?: KlExplorerUnits;
  controls?: string;
  height?: string | number;
  /** The view to show; `mode` is its older name. */
  view?: KlExplorerView;
  mode?: KlExplorerView;
  family?: KlExplorerFamily;
  bins?: string | number;
  /**
   * `auto` (the default) follows the reader's system setting. A host page can also set CSS custom
   * properties on the element: --kl-p, --kl-q (colours of P and Q), --kl-font, --kl-bg,
   * --kl-surface, --kl-text, --kl-muted, --kl-border, --kl-accent, --kl-alert (see the README).
   */
  theme?: 'light' | 'dark' | 'auto';
  /** code and evidence views: the seed of the draws (a whole number from 0 to 2^53 − 1). */
  seed?: string | number;
  /** code view: symbols per second, one of 1, 5, 20, 100, 500, 2000. */
  speed?: string | number;
  /** evidence view: where the samples come from. */
  truth?: 'p' | 'q';
  /** evidence view: the number of runs, one of 20, 50, 100, 200. */
  runs?: string | number;
  /** evidence view: samples per run, one of 50, 100, 200, 500, 1000, 2000. */
  n?: string | number;
}

export interface KlExplorerElement extends HTMLElement {
  /** The state on screen and its measures; null before the explorer has started. */
  readonly value: KlExplorerValue | null;
  addEventListener<K extends keyof KlExplorerEventMap>(type: K,
    listener: (this: KlExplorerElement, event: KlExplorerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof KlExplorerEventMap>(type: K,
    listener: (this: KlExplorerElement, event: KlExplorerEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions): void;
}

/** Props of <kl-explorer> in JSX: the attributes, plus what any element takes. */
export interface KlExplorerJsxProps extends KlExplorerAttributes {
  id?: string;
  class?: string;
  className?: string;
  hidden?: boolean;
  style?: unknown;
  slot?: string;
  key?: string | number;
  ref?: unknown;
  /** React 19 passes React's event: read `event.nativeEvent.detail` (or listen with addEventListener). */
  onInput?: (event: unknown) => void;
  onChange?: (event: unknown) => void;
}

declare global {
  interface HTMLElementTagNameMap {
    'kl-explorer': KlExplorerElement;
  }
  // Preact, Solid and React before 19 read the global JSX namespace.
  namespace JSX {
    interface IntrinsicElements {
      'kl-explorer': KlExplorerJsxProps;
    }
  }
}

// React 19 reads React.JSX instead: add `import type {} from 'infodiv/kl-explorer-react';`
// once in the app (a separate entry, so that projects without React types are unaffected).
