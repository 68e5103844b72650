// <kl-explorer> in React 19 TSX: known to React.JSX once 'infodiv/kl-explorer-react'
// is imported; its attributes are typed.
import 'infodiv/kl-explorer.js';
import type {} from 'infodiv/kl-explorer-react';

export const post = <div>
  <kl-explorer p="80,20" q="50,50" labels="rain,no rain" units="bits" onInput={(event) => void event} />
</div>;
// @ts-expect-error TS2322 units is one of nats, bits, hartleys
export const wrong = <kl-explorer units="furlongs" />;
