/**
 * A seeded generator of hostile scenario files, mutated from real ones (the bundled scenarios):
 * prototype keys, aliases, huge keys, deep nesting, binary bytes, BOM, CRLF, tabs, duplicated and
 * deleted keys, wrong types, JSON renderings, forged report lines, long bidi strings, truncation
 * and random byte-level mutations. The same seed gives the same files, so a failure found by
 * `npm run fuzz` can be replayed in a test.
 */
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { mulberry32 } from '../lib/random';

export interface SourceFile {
  readonly name: string;
  readonly text: string;
}

export interface HostileFile {
  /** e.g. "the-glue.yaml#alias-bomb-3" */
  readonly name: string;
  readonly hostileClass: HostileClass;
  readonly text: string;
}

interface Rng {
  (): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

const rngOf = (seed: number): Rng => {
  const next = mulberry32(seed);
  const rng = (() => next()) as Rng;
  rng.int = (n) => Math.floor(next() * n);
  rng.pick = (items) => items[Math.floor(next() * items.length)]!;
  return rng;
};

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
/** Strings that try to forge a report line or the terminal showing it. */
const FORGERIES = [
  'x\nscenarios/fake.yaml:1:1  (file)  ok\n0 scenario files checked: 0 errors, 0 warnings',
  'a\r10 scenario files checked: 0 errors',
  '\u001b[2K\u001b[1A\u001b[32m0 errors\u001b[0m',
  '\u202eedoc\u202c \u2066rtl\u2069 \u200f\u061c',
  '\u0085next\u2028line\u2029para\u0000nul\u007fdel',
];
const PUNCTUATION = [':', '- ', '[', ']', '{', '}', '&a ', '*a', '!', '|', '>', '%', '@', '`', '"', "'", '#', ',', '? ', '\t', '\n', ' '];

type Data = Record<string, unknown>;

/** Every (container, key) position in parsed data, for picking one to change. */
function slots(data: unknown): { parent: Data | unknown[]; key: string | number; depth: number }[] {
  const out: { parent: Data | unknown[]; key: string | number; depth: number }[] = [];
  const walk = (v: unknown, depth: number) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push({ parent: v, key: i, depth });
        walk(x, depth + 1);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push({ parent: v as Data, key: k, depth });
        walk(x, depth + 1);
      }
    }
  };
  walk(data, 0);
  return out;
}

const renameKeyIn = (obj: Data, from: string, to: string): Data => {
  const out: Data = {};
  for (const [k, v] of Object.entries(obj))
    Object.defineProperty(out, k === from ? to : k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
};

const asYaml = (data: unknown) => dump(data, { lineWidth: 100, noRefs: true });
const lines = (text: string) => text.split('\n');
const keyLines = (text: string) =>
  lines(text)
    .map((l, i) => [l, i] as const)
    .filter(([l]) => /^\s*[A-Za-z_][\w-]*:/.test(l));

/** Each class turns one real file (text and parsed data) into a hostile one. */
const CLASSES = {
  /** A node id, choice id, meter id or `next` replaced by an Object.prototype name. */
  'prototype-key'(text: string, data: Data, rng: Rng) {
    const name = rng.pick(PROTO_NAMES);
    const where = rng.int(4);
    const nodes = data.nodes as Data;
    const ids = Object.keys(nodes);
    if (where === 0) {
      const from = rng.pick(ids);
      data.nodes = renameKeyIn(nodes, from, name);
    } else if (where === 1) {
      data.meters = renameKeyIn(data.meters as Data, rng.pick(Object.keys(data.meters as Data)), name);
    } else {
      const moments = Object.values(nodes).filter((n) => (n as Data).kind === 'moment') as { choices: Data[] }[];
      const choice = rng.pick(rng.pick(moments).choices);
      if (where === 2) choice.next = name;
      else choice.id = name;
    }
    // js-yaml writes an own "__proto__" key as a plain key, as an attacker's file would.
    return rng() < 0.3 ? JSON.stringify(data) : asYaml(data);
  },
  /** Anchors and aliases: a billion-laughs block, or an alias to a whole node. */
  alias(text: string, _data: Data, rng: Rng) {
    if (rng() < 0.5) {
      const width = 5 + rng.int(10);
      const depth = 4 + rng.int(12);
      const out = [`lol0: &l0 [${Array.from({ length: width }, () => '"lol"').join(', ')}]`];
      for (let i = 1; i < depth; i++) out.push(`lol${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]`);
      return rng() < 0.5 ? `${out.join('\n')}\n${text}` : `${text}\n${out.join('\n')}\n`;
    }
    const ls = lines(text);
    const node = ls.findIndex((l) => /^ {2}[a-z0-9-]+:\s*$/.test(l));
    if (node < 0) return `${text}\nx: &x [1]\ny: *x\n`;
    ls[node] = `${ls[node]} &n`;
    return `${ls.join('\n')}\n  copy-${rng.int(100)}: *n\n`;
  },
  /** A key or value of thousands to a million characters. */
  'huge-key'(text: string, _data: Data, rng: Rng) {
    const size = rng.pick([1025, 5000, 100_000, 1_000_000]);
    const ch = rng.pick(['k', '\u202e', 'é', '-', 'a-']);
    const huge = ch.repeat(Math.ceil(size / ch.length));
    const ls = lines(text);
    const at = rng.pick(keyLines(text))[1];
    const indent = /^\s*/.exec(ls[at]!)![0];
    const form = rng.int(3);
    ls.splice(at, 0, form === 0 ? `${indent}${huge}: 1` : form === 1 ? `${indent}"${huge}": 1` : `${indent}next: "${huge}"`);
    return ls.join('\n');
  },
  /** Flow or block nesting from 40 to 100,000 levels. */
  'deep-nesting'(text: string, _data: Data, rng: Rng) {
    const depth = rng.pick([40, 150, 1000, 20_000, 100_000]);
    const form = rng.int(3);
    const nested =
      form === 0
        ? `${'['.repeat(depth)}${']'.repeat(depth)}`
        : form === 1
          ? `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`
          : `\n${Array.from({ length: Math.min(depth, 3000) }, (_, i) => `${' '.repeat(i + 2)}- `).join('\n')}1`;
    return `${text}\nextra: ${nested}\n`;
  },
  /** Random bytes (NUL, ESC, lone surrogates, U+FFFD, high Latin-1) at random places. */
  binary(text: string, _data: Data, rng: Rng) {
    let out = text;
    const n = 1 + rng.int(20);
    for (let i = 0; i < n; i++) {
      const at = rng.int(out.length);
      const bytes = Array.from({ length: 1 + rng.int(8) }, () =>
        String.fromCharCode(rng.pick([0, 1, 7, 8, 0x1b, 0x7f, 0x85, 0xff, 0xd800, 0xdfff, 0xfffd, 0xfeff, rng.int(0x10000)])),
      ).join('');
      out = out.slice(0, at) + bytes + out.slice(at);
    }
    return out;
  },
  bom: (text: string, _data: Data, rng: Rng) => (rng() < 0.5 ? `\ufeff${text}` : `\ufeff\ufeff${text}`),
  crlf: (text: string, _data: Data, rng: Rng) => (rng() < 0.8 ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r')),
  tabs(text: string, _data: Data, rng: Rng) {
    const share = rng();
    return lines(text)
      .map((l) => (rng() < share ? l.replace(/^( {2})+/, (s) => '\t'.repeat(s.length / 2)) : l))
      .join('\n');
  },
  'duplicate-key'(text: string, _data: Data, rng: Rng) {
    const ls = lines(text);
    const n = 1 + rng.int(5);
    for (let i = 0; i < n; i++) {
      const [line, at] = rng.pick(keyLines(ls.join('\n')));
      ls.splice(at + 1, 0, line);
    }
    return ls.join('\n');
  },
  'deleted-key'(text: string, _data: Data, rng: Rng) {
    const ls = lines(text);
    const n = 1 + rng.int(5);
    for (let i = 0; i < n; i++) ls.splice(rng.pick(keyLines(ls.join('\n')))[1], 1);
    return ls.join('\n');
  },
  'wrong-type'(_text: string, data: Data, rng: Rng) {
    const all = slots(data);
    const n = 1 + rng.int(4);
    for (let i = 0; i < n; i++) {
      const { parent, key } = rng.pick(all);
      const value = rng.pick<unknown>([null, true, 0, -1, 1e308, 3.5, '', 'text', [], [1, 'a'], {}, { kind: 'moment' }, '0x1F', 'yes']);
      (parent as Record<string | number, unknown>)[key] = value;
    }
    return asYaml(data);
  },
  /** The file as JSON (pretty or compact), with one `next` changed, as an exporter would write it. */
  json(_text: string, data: Data, rng: Rng) {
    const nodes = data.nodes as Data;
    const moments = Object.values(nodes).filter((n) => (n as Data).kind === 'moment') as { choices: Data[] }[];
    const choice = rng.pick(rng.pick(moments).choices);
    choice.next = rng.pick([...Object.keys(nodes), ...PROTO_NAMES, 'nowhere']);
    return rng() < 0.5 ? JSON.stringify(data, null, 2) : JSON.stringify(data);
  },
  /** Keys and values that try to forge a report line. */
  forgery(_text: string, data: Data, rng: Rng) {
    const all = slots(data);
    const n = 1 + rng.int(4);
    for (let i = 0; i < n; i++) {
      const { parent, key } = rng.pick(all);
      const f = rng.pick(FORGERIES);
      if (Array.isArray(parent) || rng() < 0.5) (parent as Record<string | number, unknown>)[key] = f;
      else Object.assign(parent, { [f]: parent[key] });
    }
    return rng() < 0.5 ? asYaml(data) : JSON.stringify(data);
  },
  truncated: (text: string, _data: Data, rng: Rng) => text.slice(0, rng.int(text.length)),
  /** Byte-level mutations: cut, repeat or move a range, or drop in YAML punctuation. */
  mutation(text: string, _data: Data, rng: Rng) {
    let out = text;
    const n = 1 + rng.int(6);
    for (let i = 0; i < n; i++) {
      const a = rng.int(out.length);
      const b = Math.min(out.length, a + 1 + rng.int(200));
      const op = rng.int(4);
      if (op === 0) out = out.slice(0, a) + out.slice(b);
      else if (op === 1) out = out.slice(0, b) + out.slice(a, b) + out.slice(b);
      else if (op === 2) out = out.slice(0, a) + rng.pick(PUNCTUATION) + out.slice(a);
      else {
        const ls = lines(out);
        const x = rng.int(ls.length);
        const y = rng.int(ls.length);
        [ls[x], ls[y]] = [ls[y]!, ls[x]!];
        out = ls.join('\n');
      }
    }
    return out;
  },
} satisfies Record<string, (text: string, data: Data, rng: Rng) => string>;

export type HostileClass = keyof typeof CLASSES;
export const HOSTILE_CLASSES = Object.keys(CLASSES) as HostileClass[];

/**
 * `perClass` hostile files for each class, from `sources` in turn. Deterministic for a seed.
 * Generation never fails: a mutation that cannot apply to a file falls back to its text.
 */
export function hostileCorpus(
  sources: readonly SourceFile[],
  opts: { seed?: number; perClass?: number; classes?: readonly HostileClass[] } = {},
): HostileFile[] {
  const rng = rngOf(opts.seed ?? 1);
  const out: HostileFile[] = [];
  for (const hostileClass of opts.classes ?? HOSTILE_CLASSES) {
    for (let i = 0; i < (opts.perClass ?? 10); i++) {
      const source = sources[(i + out.length) % sources.length]!;
      const data = load(source.text, { schema: CORE_SCHEMA }) as Data;
      let text: string;
      try {
        text = CLASSES[hostileClass](source.text, data, rng);
      } catch {
        text = source.text;
      }
      out.push({ name: `${source.name}#${hostileClass}-${i}`, hostileClass, text });
    }
  }
  return out;
}
