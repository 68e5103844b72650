// `npm run example`: the library at work on the classic worked example.
import { init, measures, klTerms } from '../dist/infodiv.js';

await init();
const p = [0.6, 0.3, 0.1], q = [0.5, 0.4, 0.1];
const nats = measures(p, q), bits = measures(p, q, { base: 2 });
const rows = [
  ['H(P)', 'entropyP'], ['H(Q)', 'entropyQ'], ['H(P,Q)', 'crossEntropyPQ'], ['H(Q,P)', 'crossEntropyQP'],
  ['KL(P‖Q)', 'klPQ'], ['KL(Q‖P)', 'klQP'], ['JS(P,Q)', 'js'],
];
const fmt = (v) => v.toPrecision(7).padStart(13);

console.log(`infodiv: information measures computed by the WebAssembly core\n`);
console.log(`P = [${p.join(', ')}]  (the truth)\nQ = [${q.join(', ')}]  (the model)\n`);
console.log(`${''.padEnd(9)}${'nats'.padStart(13)}${'bits'.padStart(13)}`);
for (const [label, key] of rows) console.log(`${label.padEnd(9)}${fmt(nats[key])}${fmt(bits[key])}`);
console.log(`\nper outcome, p·log(p/q) in nats: ${Array.from(klTerms(p, q), (t) => t.toFixed(6)).join(', ')}`);
console.log(`\nKL(P‖Q) = ${nats.klPQ.toPrecision(6)} nats: coding outcomes drawn from P with a code built`
  + ` for Q costs that much more per outcome than the best code, H(P,Q) − H(P).`);
