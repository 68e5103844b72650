// Vite builds <kl-explorer> into one self-contained ES module, dist/kl-explorer.js:
// Chart.js, the library (its wasm is embedded) and the styles all inside, so
// a blog author needs one <script> tag and nothing else.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: { alias: { infodiv: here('../../dist/infodiv.js') } },
  publicDir: false,
  build: {
    lib: { entry: here('kl-explorer.js'), formats: ['es'], fileName: () => 'kl-explorer.js' },
    outDir: here('../../dist'),
    emptyOutDir: false, // dist/ also holds the npm package's other files
    chunkSizeWarningLimit: 600,
    // one file: the views' charts, which the page loads after their numbers, are inside it too
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
