// The package as users get it: `npm pack` the repo, install the tarball into a
// fresh project outside the repo, then import it from Node, run its CLI, and
// bundle it with Vite (no infodiv-specific config) into a page that Chromium
// runs. Uses the files built by build.sh, which `npm test` runs first; the
// pack skips the prepack script (a second build) with --ignore-scripts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KL_REFERENCE = 0.02308831234083850406; // KL([0.6,0.3,0.1] || [0.5,0.4,0.1]) in nats, tests/fixtures
const assertKl = (text) => assert.ok(Math.abs(Number(text) - KL_REFERENCE) <= 1e-15 * KL_REFERENCE,
  `got ${JSON.stringify(text)}, want ${KL_REFERENCE}`);

let tmp, app, packed; // the temporary folder, the user's project in it, npm pack's report
before(async () => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'infodiv-pack-')));
  app = join(tmp, 'app');
  mkdirSync(app);
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT });
  [packed] = JSON.parse(stdout);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // No runtime dependencies, so this works offline.
  await run('npm', ['install', join(tmp, packed.filename), '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app });
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('the tarball holds the package files and nothing else', () => {
  const expected = ['LICENSE', 'README.md', 'bin/infodiv.js', 'dist/infodiv-core.js', 'dist/infodiv.d.ts',
    'dist/infodiv.js', 'dist/kl-explorer.d.ts', 'dist/kl-explorer-react.d.ts', 'kl-explorer.js', 'package.json'];
  if (existsSync(join(ROOT, 'dist/kl-explorer.js'))) expected.push('dist/kl-explorer.js'); // once it is built
  assert.deepEqual(packed.files.map((f) => f.path).sort(), expected.sort());
  assert.deepEqual(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.')), ['infodiv'],
    'installing pulls in no dependencies');
});

test('Node imports the installed package by name', async () => {
  writeFileSync(join(app, 'use.js'), `import { init, kl } from 'infodiv';
await init();
console.log(kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]));
`);
  const { stdout } = await run(process.execPath, ['use.js'], { cwd: app });
  assertKl(stdout.trim());
});

test('the installed CLI runs, as node_modules/.bin/infodiv and through npx', async () => {
  const args = ['kl', '0.6,0.3,0.1', '0.5,0.4,0.1'];
  const [bin, npx, version] = await Promise.all([
    run(join(app, 'node_modules/.bin/infodiv'), args, { cwd: app }),
    run('npx', ['--no', 'infodiv', ...args], { cwd: app }),
    run(join(app, 'node_modules/.bin/infodiv'), ['--version'], { cwd: app }),
  ]);
  assertKl(bin.stdout.trim());
  assert.equal(npx.stdout, bin.stdout);
  assert.equal(version.stdout, `${packed.version}\n`);
});

test('a Vite app bundles the installed package with no config and shows KL in Chromium', { timeout: 60_000 }, async () => {
  writeFileSync(join(app, 'index.html'), `<!doctype html>
<meta charset="utf-8"><title>infodiv in a Vite app</title><link rel="icon" href="data:,">
<p>KL = <output id="kl"></output></p>
<script type="module" src="/main.js"></script>
`);
  writeFileSync(join(app, 'main.js'), `import { init, kl } from 'infodiv';
await init();
document.querySelector('#kl').textContent = String(kl([0.6, 0.3, 0.1], [0.5, 0.4, 0.1]));
`);
  // The only plugin records which files went into the bundle: 'infodiv' must
  // come from the app's node_modules (the tarball), not from the repo.
  let modules = [];
  const recorder = {
    name: 'record-modules',
    buildEnd() { modules = [...this.getModuleIds()].filter((id) => !id.startsWith('\0')); }, // \0: virtual
  };
  await build({ root: app, configFile: false, logLevel: 'silent', plugins: [recorder] });
  const installed = join(app, 'node_modules/infodiv/dist');
  assert.ok(modules.includes(join(installed, 'infodiv.js')) && modules.includes(join(installed, 'infodiv-core.js')),
    `bundled from the installed package: ${modules.join(', ')}`);
  assert.deepEqual(modules.filter((id) => id.startsWith(ROOT)), [], 'nothing from the repo');

  const [server, browser] = await Promise.all([
    preview({ root: app, configFile: false, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0, strictPort: true } }),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    }),
  ]);
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${server.httpServer.address().port}/`);
    const shown = await page.locator('#kl').filter({ hasText: /\d/ }).textContent({ timeout: 10_000 });
    assertKl(shown);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

// A blogger's static site: the README's two lines, copied from the README
// itself, in a page served by a plain static file server (no bundler). The
// path the README once gave ('infodiv/kl-explorer.js') was a 404 on disk, and
// so was the name a blogger guesses from it, node_modules/infodiv/kl-explorer.js.
const README = () => readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The README's ```html block that contains `marker`. */
function readmeBlock(marker) {
  const block = [...README().matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes(marker));
  assert.ok(block, `the README shows an html block with ${marker}`);
  return block;
}

function staticServer(root) {
  const types = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!path.startsWith(root) || !existsSync(path) || !/\.(html|js)$/.test(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] }).end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Serves `root` statically, writes post.html there with `lines(origin)` as its
 * body, opens it in Chromium; resolves to the KL(P‖Q) the explorer shows and
 * every console error, page error and failed request.
 */
async function openPost(root, lines) {
  const [server, browser] = await Promise.all([staticServer(root), chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  })]);
  try {
    const origin = `http://127.0.0.1:${server.address().port}`;
    writeFileSync(join(root, 'post.html'), `<!doctype html>
<meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">
<h1>Rain</h1>
${lines(origin)}`);
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    await page.goto(`${origin}/post.html`);
    const kl = page.locator('kl-explorer [data-measure="klPQ"][data-value]');
    await kl.waitFor({ timeout: 20_000 }).catch(() => problems.push('no explorer with numbers in 20 s'));
    const shown = problems.length ? NaN : Number(await kl.getAttribute('data-value'));
    return { shown, problems };
  } finally {
    await browser.close();
    server.close();
  }
}

const RAIN_KL_BITS = 0.8 * Math.log2(0.8 / 0.5) + 0.2 * Math.log2(0.2 / 0.5); // 0.2780719051126377

test("the README's lines for a site that serves the installed package: the explorer shows KL", { timeout: 60_000 }, async () => {
  const lines = readmeBlock('/node_modules/infodiv/');
  const src = /<script type="module" src="([^"]+)"><\/script>/.exec(lines)?.[1];
  assert.equal(src, '/node_modules/infodiv/kl-explorer.js', 'the name the element is imported by');
  const { shown, problems } = await openPost(app, () => lines);
  assert.deepEqual(problems, []);
  assert.ok(Math.abs(shown - RAIN_KL_BITS) <= 1e-15, `KL shown ${shown}, want ${RAIN_KL_BITS}`);
});

test("the README's two lines, with the file copied from where the README says, on the blogger's site", { timeout: 60_000 }, async () => {
  const from = /copy\s+it to your site from the package \(`npm install infodiv`, then `([^`]+)`\)/.exec(README())?.[1];
  assert.equal(from, 'node_modules/infodiv/dist/kl-explorer.js');
  const site = join(tmp, 'site');
  mkdirSync(site);
  copyFileSync(join(app, from), join(site, 'kl-explorer.js'));
  const lines = readmeBlock('https://YOUR-SITE/kl-explorer.js');
  const { shown, problems } = await openPost(site, (origin) => lines.replace('https://YOUR-SITE', origin));
  assert.deepEqual(problems, []);
  assert.ok(Math.abs(shown - RAIN_KL_BITS) <= 1e-15, `KL shown ${shown}, want ${RAIN_KL_BITS}`);
});
