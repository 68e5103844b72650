// Pages handed to the browser tests, and taken back after each test. A new
// page costs this 2-core machine 1.6-1.9 s of CPU more than a new document
// in a page that is already open (a renderer process started and torn down:
// `node bench/page-cost.mjs`), so a page that a test left as it found it
// waits, on a blank page of the site, for the next test that asks for the
// same device and colour scheme. Each test still starts on a new document:
// no script state, storage, focus or scroll carries over. A page is never
// reused once the test changed its page or context beyond navigating and
// acting on it (init scripts, routes, listeners, emulation, permissions, CDP
// sessions, a fake clock), opened more pages in its context, or ended with
// problems; nor when it was asked for `fresh` (a first visit: a new context,
// nothing in its HTTP cache).

/** The page a reused one waits on between tests: same origin, so the next document reuses its renderer. */
export const BLANK = '/__between-tests.html';
export const BLANK_FILE = { type: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>between tests</title>' }; // no favicon.ico asked for (a 404)

// Calls that change a page or its context for longer than its document.
const PAGE_CHANGES = ['addInitScript', 'route', 'routeFromHAR', 'routeWebSocket', 'emulateMedia', 'setViewportSize',
  'exposeFunction', 'exposeBinding', 'setExtraHTTPHeaders', 'setDefaultTimeout', 'setDefaultNavigationTimeout',
  'on', 'once', 'addListener', 'prependListener'];
const CONTEXT_CHANGES = ['addInitScript', 'route', 'routeFromHAR', 'grantPermissions', 'clearPermissions',
  'newCDPSession', 'exposeFunction', 'exposeBinding', 'setExtraHTTPHeaders', 'setGeolocation', 'setOffline',
  'addCookies', 'newPage', 'on', 'once', 'addListener', 'setHTTPCredentials'];

function watchChanges(entry) {
  const mark = (target, names) => {
    for (const name of names) {
      const original = target[name];
      if (typeof original !== 'function') continue;
      target[name] = (...args) => {
        entry.reusable = false;
        return original.apply(target, args);
      };
    }
  };
  mark(entry.page, PAGE_CHANGES);
  mark(entry.context, CONTEXT_CHANGES);
  for (const clock of new Set([entry.context.clock, entry.page.clock])) mark(clock, ['install', 'setFixedTime', 'setSystemTime']);
}

/**
 * A pool of pages for one test file: `take(options, listen)` gives a page
 * (`listen(page)` is called once on a new one, before its changes are
 * watched), `giveBack(clean)` takes back every page given since the last
 * call, `close()` closes them all.
 */
export function pagePool(browser, origin) {
  const idle = new Map(); // key -> [entry]
  const lent = [];
  return {
    async take({ device, dark, fresh }, listen) {
      const key = `${JSON.stringify(device)} ${dark}`;
      const reused = fresh ? undefined : idle.get(key)?.pop();
      if (reused) {
        lent.push(reused);
        return reused.page;
      }
      const context = await browser.newContext({ ...device, colorScheme: dark ? 'dark' : 'light' });
      const entry = { key, context, page: await context.newPage(), reusable: !fresh };
      lent.push(entry);
      listen(entry.page);
      watchChanges(entry);
      return entry.page;
    },
    /** Sends each lent page to the blank page; then `clean()` says whether the test ended well. */
    async giveBack(clean) {
      const entries = lent.splice(0);
      await Promise.all(entries.map(async (entry) => {
        entry.reusable &&= !entry.page.isClosed() && entry.context.pages().length === 1;
        if (!entry.reusable) return;
        try {
          await entry.page.goto(`${origin}${BLANK}`);
          for (const key of ['Shift', 'Control', 'Alt', 'Meta']) await entry.page.keyboard.up(key);
          await entry.page.mouse.up();
        } catch {
          entry.reusable = false;
        }
      }));
      const keep = clean();
      await Promise.all(entries.map((entry) => {
        if (!keep || !entry.reusable) return entry.context.close();
        if (!idle.has(entry.key)) idle.set(entry.key, []);
        idle.get(entry.key).push(entry);
        return null;
      }));
    },
    async close() {
      await Promise.all([...lent.splice(0), ...[...idle.values()].flat()].map((e) => e.context.close()));
      idle.clear();
    },
  };
}
