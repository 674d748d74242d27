/**
 * What the per-change session stash costs a keystroke: serialising the whole draft, with
 * JSON.stringify and with docJson (each unchanged node's JSON reused). Each run edits one node's
 * text, as a keystroke does. Median of 30 runs per size, after 5 warm-up runs. The sessionStorage
 * write itself (a string copy in the browser) is not measured here.
 *
 *   npx tsx scripts/bench-stash.ts
 */
import { syntheticDraft } from '../src/components/branch-map/synthetic-draft';
import type { DraftDoc } from '../src/domain/edit/doc';
import { docJson } from '../src/persistence/draft-pending';
import { median } from './bench-kit';

for (const size of [200, 1000, 2000]) {
  let doc = syntheticDraft(size) as DraftDoc;
  const id = Object.keys(doc.nodes)[1]!;
  docJson(doc);
  const plain: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < 35; i++) {
    doc = { ...doc, nodes: { ...doc.nodes, [id]: { ...doc.nodes[id]!, client: `typed ${i}` } as DraftDoc['nodes'][string] } };
    let t0 = performance.now();
    const a = JSON.stringify(doc);
    const t1 = performance.now() - t0;
    t0 = performance.now();
    const b = docJson(doc);
    const t2 = performance.now() - t0;
    if (a !== b) throw new Error('docJson differs from JSON.stringify');
    if (i >= 5) {
      plain.push(t1);
      cached.push(t2);
    }
  }
  console.log(
    `${size} nodes (${(JSON.stringify(doc).length / 1e6).toFixed(2)} M chars): JSON.stringify ${median(plain).toFixed(2)} ms, docJson ${median(cached).toFixed(2)} ms (medians)`,
  );
}
