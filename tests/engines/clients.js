// Two small browser clients with one interface, for the explorer's checks in
// the engines other than Chromium (explorer.js): WebKit over W3C WebDriver
// (Debian's WebKitWebDriver, HTTP) and Firefox over WebDriver BiDi (Debian's
// firefox-esr, a WebSocket: node --experimental-websocket on Node 20). Each
// client: navigate(url), evaluate(body) (a function body run in the page,
// its JSON result returned), actions(list) (W3C input sources), url(),
// screenshot() (PNG bytes), close(). Nothing else is installed for them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What attempt() resolves to once it is truthy, trying every 100 ms (a rejection counts as not yet). */
export async function poll(what, attempt, tries = 150) {
  for (let i = 0; i < tries; i++) {
    const value = await attempt().catch(() => null);
    if (value) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** WebKit (WebKitGTK's MiniBrowser) over W3C WebDriver; needs a display (xvfb-run). */
export async function webkitClient({ width, height }) {
  const port = await freePort(), base = `http://127.0.0.1:${port}`;
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  const command = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (value?.error) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
    return value;
  };
  await poll('WebKitWebDriver', () => fetch(`${base}/status`).then((r) => r.json()).then((s) => s.value.ready));
  const session = `/session/${(await command('POST', '/session', { capabilities: {} })).sessionId}`;
  await command('POST', `${session}/window/rect`, { width, height });
  return {
    navigate: (url) => command('POST', `${session}/url`, { url }),
    evaluate: async (body) => JSON.parse(await command('POST', `${session}/execute/sync`, { script: `return JSON.stringify((() => { ${body} })() ?? null)`, args: [] })),
    actions: async (actions) => {
      await command('POST', `${session}/actions`, { actions });
      await command('DELETE', `${session}/actions`);
    },
    url: () => command('GET', `${session}/url`),
    screenshot: async () => Buffer.from(await command('GET', `${session}/screenshot`), 'base64'),
    close: async () => {
      await command('DELETE', session).catch(() => {});
      driver.kill();
    },
  };
}

/** Firefox, headless, over WebDriver BiDi. */
export async function firefoxClient({ width, height }) {
  const port = await freePort(), profile = mkdtempSync(join(tmpdir(), 'infodiv-firefox-'));
  const browser = spawn('firefox-esr', ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', String(port)], { stdio: 'ignore' });
  const socket = await poll('Firefox', () => new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/session`);
    ws.onopen = () => resolve(ws);
    ws.onerror = reject;
  }), 300);
  let next = 0;
  const waiting = new Map();
  socket.onmessage = ({ data }) => {
    const message = JSON.parse(data);
    const call = waiting.get(message.id);
    if (!call) return; // an event
    waiting.delete(message.id);
    if (message.type === 'error') call.reject(new Error(`BiDi ${call.method}: ${message.error}: ${message.message}`));
    else call.resolve(message.result);
  };
  const send = (method, params) => new Promise((resolve, reject) => {
    const id = ++next;
    waiting.set(id, { resolve, reject, method });
    socket.send(JSON.stringify({ id, method, params }));
  });
  await send('session.new', { capabilities: {} });
  const { contexts: [{ context }] } = await send('browsingContext.getTree', {});
  await send('browsingContext.setViewport', { context, viewport: { width, height } });
  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await send('script.evaluate', { expression, target: { context }, awaitPromise: false });
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.text}`);
    return result.value;
  };
  return {
    navigate: (url) => send('browsingContext.navigate', { context, url, wait: 'complete' }),
    evaluate: async (body) => JSON.parse(await evaluate(`JSON.stringify((() => { ${body} })() ?? null)`)),
    actions: async (actions) => {
      await send('input.performActions', { context, actions });
      await send('input.releaseActions', { context });
    },
    url: () => evaluate('location.href'),
    screenshot: async () => Buffer.from((await send('browsingContext.captureScreenshot', { context })).data, 'base64'),
    close: async () => {
      await send('session.end', {}).catch(() => {});
      socket.close();
      browser.kill();
      await sleep(300); // Firefox lets go of its profile
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
