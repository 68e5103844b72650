// <kl-explorer> for a site that serves the installed package as it is:
//   <script type="module" src="/node_modules/infodiv/kl-explorer.js"></script>
// The name matches `import 'infodiv/kl-explorer.js'`, which a blogger guesses
// as a path. The element itself is dist/kl-explorer.js, one self-contained
// file; this one only loads it, so copy dist/kl-explorer.js to a site, not this.
import './dist/kl-explorer.js';
