#!/usr/bin/env node
// The infodiv command: entropy, cross-entropy, KL and Jensen-Shannon
// divergence of distributions given on the command line or in a file.
//   infodiv kl 0.6,0.3,0.1 0.5,0.4,0.1 --bits
// Exit status: 0 done, 1 the library rejected the values, 2 usage error.
import { readFileSync } from 'node:fs';
import { init, entropy, crossEntropy, kl, jsDivergence, measures, klTerms } from '../dist/infodiv.js';

const HELP = `Usage: infodiv <command> P [Q] [options]
       infodiv <command> --file <data.csv|data.json|-> [options]

Commands:
  entropy P          H(P), the entropy of P
  cross-entropy P Q  H(P,Q) = H(P) + KL(P‖Q)
  kl P Q             KL(P‖Q), the Kullback-Leibler divergence of Q from P
  js P Q             JS(P,Q), the Jensen-Shannon divergence
  all P Q            all seven measures, one per line
  terms P Q          the terms p_i·log(p_i/q_i) of KL(P‖Q), one per outcome

P and Q are comma-separated numbers, probabilities or counts: both are
normalised to sum 1 unless --no-normalize.

Options:
  --file F       read P and Q from F (- for standard input), either CSV, one
                 distribution per row, P then Q, after an optional header row of
                 labels; or JSON, {"p": [...], "q": [...]} or [[...], [...]].
                 entropy uses the first row.
  --base B       logarithm base: a number or e (default e: nats)
  --bits, --nats, --hartleys    same as --base 2, --base e, --base 10
  --no-normalize use P and Q as given; each must then sum to 1 (within 1e-6)
  --precision N  print N significant digits (1 to 17; default: as many as
                 needed to give back the exact double, as JavaScript prints it)
  --json         print JSON with the library's names and the base, e.g.
                 {"kl": 0.0230..., "base": 2.718...}; all gives the fields of
                 measures(), terms {"klTerms": [...], "base": ...}
  -h, --help     print this help
  --version      print the version

An infinite measure (where q_i = 0 < p_i) prints as Infinity, also in JSON
(as the string "Infinity"; Number() reads it back). NaN is never printed.
Exit status: 0 success; 1 the values are invalid (negative, zero sum,
different lengths, base 1, ...); 2 usage error (unknown command or option,
missing argument, not a number, unreadable file).

Examples:
  infodiv kl 0.6,0.3,0.1 0.5,0.4,0.1           0.023088312340838503 (nats)
  infodiv kl 0.6,0.3,0.1 0.5,0.4,0.1 --bits    0.03330939371662316
  infodiv entropy 30,15,5 --precision 4        counts are normalised: 0.8979
  infodiv all --file weather.csv --json
  infodiv terms 0.5,0.5 1,0                    an outcome Q rules out: Infinity
`;

const COMMANDS = {
  entropy: { needs: 1, key: 'entropy', run: (p, q, o) => entropy(p, o) },
  'cross-entropy': { needs: 2, key: 'crossEntropy', run: crossEntropy },
  kl: { needs: 2, key: 'kl', run: kl },
  js: { needs: 2, key: 'jsDivergence', run: jsDivergence },
  all: { needs: 2, run: measures },
  terms: { needs: 2, key: 'klTerms', run: (p, q, o) => Array.from(klTerms(p, q, o)) },
};
const MEASURE_NAMES = {
  entropyP: 'H(P)', entropyQ: 'H(Q)', crossEntropyPQ: 'H(P,Q)', crossEntropyQP: 'H(Q,P)',
  klPQ: 'KL(P‖Q)', klQP: 'KL(Q‖P)', js: 'JS(P,Q)',
};
const VALUE_OPTIONS = ['base', 'file', 'precision'];
const FLAG_OPTIONS = ['bits', 'nats', 'hartleys', 'no-normalize', 'json', 'help', 'version'];
const UNITS = { bits: 2, nats: Math.E, hartleys: 10 };
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i; // decimal only: no NaN, Infinity, hex or ''

class UsageError extends Error {}

// A small parser rather than util.parseArgs, which takes "-0.1,0.5" for options.
function parse(argv) {
  const options = {}, positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') options.help = true;
    else if (!arg.startsWith('-') || arg === '-' || /^-[\d.]/.test(arg)) positionals.push(arg);
    else {
      const [, name, value] = /^--([^=]*)(?:=(.*))?$/s.exec(arg) ?? [];
      if (VALUE_OPTIONS.includes(name)) {
        options[name] = value ?? argv[++i];
        if (options[name] === undefined) throw new UsageError(`--${name} needs a value`);
      } else if (FLAG_OPTIONS.includes(name)) {
        if (value !== undefined) throw new UsageError(`--${name} takes no value`);
        options[name] = true;
      } else throw new UsageError(`unknown option "${arg}" (see infodiv --help)`);
    }
  }
  return { options, positionals };
}

function readBase(options) {
  const given = ['base', ...Object.keys(UNITS)].filter((name) => options[name] !== undefined);
  if (given.length > 1) {
    const got = given.map((n) => `--${n}`).join(' and ');
    throw new UsageError(`choose one of --base, --bits, --nats, --hartleys (got ${got})`);
  }
  if (given[0] in UNITS) return UNITS[given[0]];
  if (options.base === undefined || /^e$/i.test(options.base)) return Math.E;
  if (!NUMBER.test(options.base)) throw new UsageError(`--base must be a number or e (got "${options.base}")`);
  return Number(options.base);
}

function readPrecision(text) {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || text < 1 || text > 17) {
    throw new UsageError(`--precision must be a whole number from 1 to 17 (got "${text}")`);
  }
  return Number(text);
}

function parseList(text, what) {
  const entries = text.split(',');
  const bad = entries.findIndex((entry) => !NUMBER.test(entry.trim()));
  if (bad >= 0) {
    throw new UsageError(`${what}"${text}" is not a list of numbers (entry ${bad + 1}: "${entries[bad]}")`);
  }
  return entries.map(Number);
}

// Returns { dists: [P, Q?], labels? } from a CSV or JSON file (told apart by content).
function readFile(path) {
  let text;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    const reason = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[error.code]
      ?? error.message;
    throw new UsageError(`cannot read ${path}: ${reason}`);
  }
  const name = path === '-' ? 'standard input' : path;
  if (/^\s*[[{]/.test(text)) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${name} is not valid JSON (${error.message})`);
    }
    const dists = Array.isArray(data) ? data : [data.p, data.q].filter((d) => d !== undefined);
    if (!dists.every(Array.isArray) || dists.length === 0) {
      throw new UsageError(`${name} must hold {"p": [...], "q": [...]} or [[...], [...]]`);
    }
    return { name, dists }; // entries are checked by the library: "p[1] is not a number ..."
  }
  const rows = text.split(/\r?\n/).map((line, i) => ({ line, number: i + 1 })).filter(({ line }) => line.trim());
  // A first row that is not all numbers is the header of labels.
  const labels = rows.length && !rows[0].line.split(',').every((cell) => NUMBER.test(cell.trim()))
    ? rows.shift().line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1')) : undefined;
  const dists = rows.map(({ line, number }) => parseList(line, `${name} line ${number}: `));
  const short = labels ? rows.findIndex((row, i) => dists[i].length !== labels.length) : -1;
  if (short >= 0) {
    throw new UsageError(`${name} line ${rows[short].number} has ${dists[short].length} numbers `
      + `but the header has ${labels.length} labels`);
  }
  if (dists.length === 0) throw new UsageError(`${name} holds no distribution`);
  return { name, dists, labels };
}

function format(value, precision) {
  const exact = precision === undefined || !Number.isFinite(value) || value === 0; // 0, not 0.000
  return exact ? String(value) : value.toPrecision(precision);
}

async function main(argv) {
  const { options, positionals } = parse(argv);
  if (options.help) return void process.stdout.write(HELP);
  if (options.version) {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    return void process.stdout.write(`${version}\n`);
  }
  const [name, ...args] = positionals;
  const command = Object.hasOwn(COMMANDS, name ?? '') ? COMMANDS[name] : undefined;
  if (!command) {
    const list = 'try: entropy, cross-entropy, kl, js, all, terms';
    throw new UsageError(name === undefined ? `a command is missing (${list}; or --help)`
      : `unknown command "${name}" (${list})`);
  }
  const base = readBase(options), precision = readPrecision(options.precision);

  let dists, labels;
  if (options.file !== undefined) {
    if (args.length) {
      throw new UsageError(`give P and Q either as arguments or with --file, not both (got "${args[0]}")`);
    }
    const file = readFile(options.file);
    const has = `${file.name} holds ${file.dists.length} distribution${file.dists.length > 1 ? 's' : ''}`;
    if (file.dists.length < command.needs) throw new UsageError(`${has}; ${name} needs 2, P and Q`);
    if (file.dists.length > 2) throw new UsageError(`${has}; expected at most 2, P and Q`);
    ({ dists, labels } = file);
  } else {
    if (args.length < 1) throw new UsageError('P is missing');
    if (args.length < command.needs) throw new UsageError('Q is missing');
    if (args.length > command.needs) {
      const takes = command.needs === 2 ? 'P and Q' : 'P only';
      throw new UsageError(`unexpected argument "${args[command.needs]}" (${name} takes ${takes})`);
    }
    dists = args.map((text) => parseList(text, ''));
  }

  let result;
  try {
    await init();
    result = command.run(dists[0], dists[1], { base, normalize: !options['no-normalize'] });
  } catch (error) {
    if (!(error instanceof RangeError || error instanceof TypeError)) throw error;
    // The library's message, with its option names spelled as on the command line.
    const message = error.message.replaceAll('options.base', '--base')
      .replace('with normalize: false', 'with --no-normalize');
    process.stderr.write(`infodiv: ${message}\n`);
    return void (process.exitCode = 1);
  }

  const round = (v) => (precision === undefined ? v : Number(v.toPrecision(precision)));
  if (options.json) {
    const out = { ...(command.key ? { [command.key]: result } : result), base };
    // JSON has no Infinity: write it as a string that Number() reads back.
    const json = JSON.stringify(out, (key, v) =>
      (typeof v !== 'number' || key === 'base' ? v : Number.isFinite(v) ? round(v) : String(v)));
    return void process.stdout.write(`${json}\n`);
  }
  let lines;
  if (name === 'all') lines = Object.entries(MEASURE_NAMES).map(([key, label]) => [label, result[key]]);
  else if (name === 'terms') lines = result.map((v, i) => [labels?.[i] ?? String(i + 1), v]);
  else lines = [[undefined, result]];
  const width = Math.max(...lines.map(([label]) => label?.length ?? 0));
  const line = ([label, v]) => (label === undefined ? '' : `${label.padEnd(width)}  `) + format(v, precision);
  process.stdout.write(`${lines.map(line).join('\n')}\n`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error; // a bug: show the stack
  process.stderr.write(`infodiv: ${error.message}\n`);
  process.exitCode = 2;
}
