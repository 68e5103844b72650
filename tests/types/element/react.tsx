// <kl-explorer> in React 19 TSX: known to React.JSX once 'infodiv/kl-explorer-react'
// is imported; its attributes are typed.
import 'infodiv/kl-explorer.js';
import type {} from 'infodiv/kl-explorer-react';
import type { KlExplorerElement } from 'infodiv/kl-explorer.js';
import { useRef } from 'react';

export const post = <div>
  <kl-explorer p="80,20" q="50,50" labels="rain,no rain" units="bits" onInput={(event) => void event} />
</div>;
// React 19 hands onInput and onChange its own event; the element's is nativeEvent.
const explorer = useRef<KlExplorerElement>(null);
export const live = <kl-explorer ref={explorer} p="80,20" q="50,50"
  onInput={(event) => { const kl: number = event.nativeEvent.detail.measures.klPQ; void kl; }}
  onChange={(event) => { const units: 'nats' | 'bits' | 'hartleys' = event.nativeEvent.detail.units; void units; }} />;
const on: KlExplorerElement | null = explorer.current;
void on;
// @ts-expect-error TS2322 units is one of nats, bits, hartleys
export const wrong = <kl-explorer units="furlongs" />;
