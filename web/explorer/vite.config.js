// Vite builds the explorer page from web/explorer/ into dist/site/. The page
// imports the library as 'infodiv', exactly as users do; here that name means
// the freshly built package in dist/ (build.sh builds it first).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './', // relative asset URLs: the site works from any folder, even offline
  resolve: { alias: { infodiv: here('../../dist/infodiv.js') } },
  build: {
    outDir: here('../../dist/site'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: { input: { main: here('index.html'), embed: here('embed.html') } }, // the page and the iframe embed
  },
  preview: { host: '127.0.0.1', port: 4173 },
  server: { host: '127.0.0.1', port: 5173 },
});
