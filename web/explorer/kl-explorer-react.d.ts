// <kl-explorer> in React 19's JSX (React.JSX.IntrinsicElements), for TSX:
//   import 'infodiv/kl-explorer.js';
//   import type {} from 'infodiv/kl-explorer-react';
//   <kl-explorer p="80,20" q="50,50" onInput={(e) => e.nativeEvent.detail} />
// React 19 hands onInput/onChange React's event: the element's detail is
// event.nativeEvent.detail.
import type { KlExplorerJsxProps } from './kl-explorer.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kl-explorer': KlExplorerJsxProps;
    }
  }
}
