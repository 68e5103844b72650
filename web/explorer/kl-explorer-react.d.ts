// <kl-explorer> in React 19's JSX (React.JSX.IntrinsicElements), for TSX:
//   import 'infodiv/kl-explorer.js';
//   import type {} from 'infodiv/kl-explorer-react';
//   <kl-explorer p="80,20" q="50,50" onInput={(e) => e.nativeEvent.detail} />
// React 19 hands onInput/onChange React's event: the element's detail is
// event.nativeEvent.detail.
import type { Ref, SyntheticEvent } from 'react';
import type { KlExplorerElement, KlExplorerEvent, KlExplorerJsxProps } from './kl-explorer.js';

/** What React 19 passes to onInput and onChange: its event, the element's `input`/`change` as nativeEvent. */
export type KlExplorerReactEvent = SyntheticEvent<KlExplorerElement, KlExplorerEvent>;

/** Props of <kl-explorer> in React 19: the attributes, a typed ref and React's events. */
export interface KlExplorerReactProps extends Omit<KlExplorerJsxProps, 'ref' | 'onInput' | 'onChange'> {
  ref?: Ref<KlExplorerElement>;
  onInput?: (event: KlExplorerReactEvent) => void;
  onChange?: (event: KlExplorerReactEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kl-explorer': KlExplorerReactProps;
    }
  }
}
