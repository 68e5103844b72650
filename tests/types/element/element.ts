// <kl-explorer> in a TypeScript page: querySelector knows the element, its
// value and its events are typed. Lines marked @ts-expect-error must fail.
import 'infodiv/kl-explorer.js';
import type { KlExplorerElement, KlExplorerValue } from 'infodiv/kl-explorer.js';

const el = document.querySelector('kl-explorer');
const same: KlExplorerElement | null = el;
const value: KlExplorerValue | null | undefined = el?.value;
if (value && !('mode' in value)) {
  const kl: number = value.measures.klPQ;
  const labels: string[] = value.labels;
  void kl, labels;
}
if (value && 'mode' in value) {
  const sigma: number | undefined = value.p.sigma;
  const klqp: number = value.measures.klQP;
  void sigma, klqp;
}
el?.addEventListener('change', (event) => {
  const units: 'nats' | 'bits' | 'hartleys' = event.detail.units;
  void units;
});
// The element as a page that knows it is there writes it.
const klBits: number = document.querySelector('kl-explorer')!.value!.measures.klPQ;
void klBits;
const made = document.createElement('kl-explorer');
made.setAttribute('units', 'bits');
// @ts-expect-error TS2540 value is read-only
made.value = null;
void same;
