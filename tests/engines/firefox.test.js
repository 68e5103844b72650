// The explorer's checks (explorer.js) in Firefox.
import { explorerTests } from './explorer.js';
import { firefoxClient } from './clients.js';

explorerTests('Firefox', firefoxClient);
