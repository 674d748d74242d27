// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commit, createHistory, type History } from '../domain/edit/history';
import type { DraftDoc } from '../domain/edit/doc';
import { tinyScenario } from '../testing/fixtures';
import { HISTORY_MAX_STEPS, historyKey, loadHistory, parseHistory, saveHistory, serializeHistory } from './draft-history';
import { syntheticDraft } from '../components/branch-map/synthetic-draft';
import { docJson, pendingDoc, pendingKey, stashPending } from './draft-pending';

/** sessionStorage with a character limit (keys + values), throwing QuotaExceededError like a browser. */
class LimitedStorage implements Storage {
  private readonly data = new Map<string, string>();
  constructor(private readonly limit: number) {}
  get length() {
    return this.data.size;
  }
  used() {
    let n = 0;
    for (const [k, v] of this.data) n += k.length + v.length;
    return n;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const next = this.used() - (this.data.has(k) ? k.length + this.data.get(k)!.length : 0) + k.length + v.length;
    if (next > this.limit) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  clear() {
    this.data.clear();
  }
}

/** A draft of about `chars` characters of JSON. */
const big = (title: string, chars: number): DraftDoc => ({ ...tinyScenario(), title, summary: 'x'.repeat(chars) });

function historyOf(steps: number, chars: number, name = 'd'): History<DraftDoc> {
  let h = createHistory(big(`${name}0`, chars));
  for (let i = 1; i <= steps; i++) h = commit(h, big(`${name}${i}`, chars));
  return h;
}

let store: LimitedStorage;
beforeEach(() => {
  store = new LimitedStorage(5_000_000);
  vi.stubGlobal('sessionStorage', store);
});
afterEach(() => vi.unstubAllGlobals());

describe('undo histories are bounded', () => {
  it('stores at most HISTORY_MAX_STEPS steps, dropping the oldest first', () => {
    const h = historyOf(120, 100);
    const stored = parseHistory(serializeHistory(h)!)!;
    expect(stored.past).toHaveLength(HISTORY_MAX_STEPS);
    expect(stored.past[0]!.title).toBe(`d${120 - HISTORY_MAX_STEPS}`);
    expect(stored.past.at(-1)!.title).toBe('d119');
  });

  it('keeps only the open draft’s history: opening another draft evicts the others', () => {
    saveHistory('a', historyOf(3, 100, 'a'));
    saveHistory('b', historyOf(3, 100, 'b'));
    expect(store.getItem(historyKey('a'))).toBeNull();
    expect(loadHistory('b')!.present.title).toBe('b3');
  });

  it('three big drafts edited in one tab never crowd out the last-keystroke stash', () => {
    // Three drafts of ~400 kB each, 40 steps of history each: unbounded, 48 M characters; with the
    // old 2 M budget per draft and no eviction the third stash no longer fit.
    for (const id of ['a', 'b', 'c']) {
      saveHistory(id, historyOf(40, 400_000, id));
      expect(stashPending(id, 1, big(`${id} latest`, 400_000))).toBe(true);
    }
    for (const id of ['a', 'b', 'c']) expect(pendingDoc(id, 1)!.title).toBe(`${id} latest`);
    expect(store.used()).toBeLessThanOrEqual(5_000_000);
  });
});

describe('the last-keystroke stash always has room', () => {
  it('evicts selections, then other drafts’ histories, then the open draft’s history, never a stash', () => {
    store = new LimitedStorage(1_000_000);
    vi.stubGlobal('sessionStorage', store);
    store.setItem('catalyst.selection.a', 'moment-1');
    store.setItem(historyKey('other'), 'h'.repeat(300_000));
    store.setItem(historyKey('a'), 'h'.repeat(300_000));
    store.setItem(pendingKey('other'), JSON.stringify({ revision: 1, doc: big('other unsaved', 100_000) }));
    // 350 kB does not fit in the 300 kB left: the selection and the other history go; a's history stays.
    expect(stashPending('a', 1, big('a unsaved', 350_000))).toBe(true);
    expect(store.getItem('catalyst.selection.a')).toBeNull();
    expect(store.getItem(historyKey('other'))).toBeNull();
    expect(store.getItem(historyKey('a'))).not.toBeNull();
    // A bigger edit needs a's history too.
    expect(stashPending('a', 1, big('a bigger', 600_000))).toBe(true);
    expect(store.getItem(historyKey('a'))).toBeNull();
    expect(pendingDoc('a', 1)!.title).toBe('a bigger');
    expect(pendingDoc('other', 1)!.title).toBe('other unsaved');
  });

  it('says so when a doc cannot fit even in an emptied store', () => {
    store = new LimitedStorage(10_000);
    vi.stubGlobal('sessionStorage', store);
    expect(stashPending('a', 1, big('huge', 20_000))).toBe(false);
  });
});

describe('the stash serialises only what changed', () => {
  it('writes exactly JSON.stringify(doc), before and after an edit that reuses cached nodes', () => {
    const doc = syntheticDraft(200) as DraftDoc;
    expect(docJson(doc)).toBe(JSON.stringify(doc));
    const [id, node] = Object.entries(doc.nodes)[3]!;
    const edited: DraftDoc = {
      ...doc,
      title: 'Edited',
      nodes: { ...doc.nodes, [id]: { ...node, client: 'changed "quoted"\n' } as typeof node },
    };
    expect(docJson(edited)).toBe(JSON.stringify(edited));
    const small = tinyScenario() as DraftDoc;
    expect(docJson({ ...small, summary: undefined as unknown as string })).toBe(JSON.stringify({ ...small, summary: undefined }));
  });
});

describe('the stash is a patch on the stored doc', () => {
  const stored = syntheticDraft(300) as DraftDoc;
  const ids = Object.keys(stored.nodes);
  const withNodes = (nodes: DraftDoc['nodes'], meta: Partial<DraftDoc> = {}): DraftDoc => ({ ...stored, ...meta, nodes });
  const edits: [string, DraftDoc][] = [
    [
      'a typed node',
      withNodes({ ...stored.nodes, [ids[5]!]: { ...stored.nodes[ids[5]!]!, client: 'typed "quoted"\n' } as DraftDoc['nodes'][string] }),
    ],
    ['a new title', withNodes(stored.nodes, { title: 'Retitled' })],
    ['an added node', withNodes({ ...stored.nodes, 'new-moment': stored.nodes[ids[2]!]! })],
    ['a deleted node', withNodes(Object.fromEntries(Object.entries(stored.nodes).filter(([id]) => id !== ids[7])))],
    [
      'a renamed node (new key, same place)',
      withNodes(Object.fromEntries(Object.entries(stored.nodes).map(([id, n]) => [id === ids[9] ? 'renamed' : id, n]))),
    ],
    ['reordered nodes', withNodes(Object.fromEntries(Object.entries(stored.nodes).reverse()))],
  ];

  it.each(edits)('reads back exactly the doc on screen after %s', (_, doc) => {
    expect(stashPending('a', 3, doc, stored)).toBe(true);
    const back = pendingDoc('a', 3, stored);
    expect(JSON.stringify(back)).toBe(JSON.stringify(doc));
    expect(Object.keys(back!.nodes)).toEqual(Object.keys(doc.nodes));
  });

  it('writes a few kB for a keystroke in a 2,000-node draft that is 1.7 M characters whole', () => {
    const big = syntheticDraft(2000) as DraftDoc;
    const id = Object.keys(big.nodes)[100]!;
    const typed = { ...big, nodes: { ...big.nodes, [id]: { ...big.nodes[id]!, client: 'typed' } as DraftDoc['nodes'][string] } };
    stashPending('a', 1, typed, big);
    expect(store.getItem(pendingKey('a'))!.length).toBeLessThan(5_000);
    expect(JSON.stringify(pendingDoc('a', 1, big))).toBe(JSON.stringify(typed));
  });

  it('keeps a patch it cannot read without the stored doc, and drops it once the stored revision moved on', () => {
    stashPending('a', 1, edits[0]![1], stored);
    expect(pendingDoc('a', 1)).toBeUndefined();
    expect(store.getItem(pendingKey('a'))).not.toBeNull();
    expect(pendingDoc('a', 2, stored)).toBeUndefined();
    expect(store.getItem(pendingKey('a'))).toBeNull();
  });
});
