// The explorer's checks (explorer.js) in WebKit, Safari's engine.
import { explorerTests } from './explorer.js';
import { webkitClient } from './clients.js';

explorerTests('WebKit', webkitClient);
