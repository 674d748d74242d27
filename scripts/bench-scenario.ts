/** Synthetic, valid scenarios of any size for `npm run bench` (see bench.ts). */
const words = 'the team said we would try again next week but nobody is sure who owns the plan and I keep carrying it alone'.split(' ');
/** Deterministic filler text of about `n` characters. */
function text(n: number, seed: number): string {
  let s = '';
  for (let i = seed; s.length < n; i = (i * 7 + 3) % words.length) s += `${words[i]} `;
  return `${s.trim()}.`;
}

/**
 * A valid scenario with `size` nodes: moments with three responses (partnering, directing,
 * rescuing), a route node every 8th node branching on trust, and endings at the end.
 */
export function syntheticScenario(size: number) {
  const endings = Math.max(4, Math.round(size * 0.02));
  const body = size - endings;
  const ids = Array.from({ length: body }, (_, i) => (i % 8 === 7 ? `r-${i}` : `m-${i}`));
  const endingIds = ['breakthrough', 'progress', 'stalled', 'rupture']
    .flatMap((o) => Array.from({ length: Math.ceil(endings / 4) }, (_, j) => ({ id: `end-${o}-${j}`, outcome: o })))
    .slice(0, endings);
  let nextEnding = 0;
  const ending = () => endingIds[nextEnding++ % endingIds.length]!.id;
  const after = (i: number, step: number) => (i + step < body ? ids[i + step]! : ending());
  const nodes: Record<string, unknown> = {};
  ids.forEach((id, i) => {
    if (id.startsWith('r-')) {
      nodes[id] = {
        kind: 'route',
        routes: [
          { when: { trust: { gte: 60 } }, next: after(i, 1) },
          { when: { ownership: { lt: 30 } }, next: after(i, 2) },
          { next: after(i, 3) },
        ],
      };
      return;
    }
    nodes[id] = {
      kind: 'moment',
      cue: (['emotion', 'insight', 'resistance'] as const)[i % 3],
      narration: i % 5 === 0 ? text(140, i) : undefined,
      client: `${text(260, i)}\n\n${text(120, i + 1)}`,
      choices: [
        {
          id: `${id}-ask`,
          text: text(110, i + 2),
          stance: 'partnering',
          markers: ['3.1'],
          effects: { trust: 6, ownership: 8 },
          feedback: text(240, i + 3),
          reflect: text(80, i + 4),
          next: after(i, 1),
        },
        {
          id: `${id}-tell`,
          text: text(120, i + 5),
          stance: 'directing',
          markers: ['7.6'],
          effects: { trust: -4, ownership: -10 },
          feedback: text(260, i + 6),
          partneringAlternative: text(100, i + 7),
          next: after(i, 2),
        },
        // Every 10th moment's rescuing response ends the conversation, so every ending is reached.
        {
          id: `${id}-soothe`,
          text: text(100, i + 8),
          stance: 'rescuing',
          markers: ['4.3'],
          effects: { trust: 3, ownership: -8 },
          feedback: text(230, i + 9),
          partneringAlternative: text(90, i + 10),
          next: i % 10 === 9 ? ending() : after(i, 3),
        },
      ],
    };
  });
  for (const e of endingIds)
    nodes[e.id] = { kind: 'ending', outcome: e.outcome, client: text(180, e.id.length), summary: text(160, e.id.length + 1) };
  return {
    schemaVersion: 2,
    id: `bench-${size}`,
    title: `Benchmark ${size}`,
    summary: text(200, 1),
    estimatedMinutes: 20,
    competencies: [3, 4, 7],
    client: { name: 'Alex', role: 'Engineering manager', background: text(400, 2) },
    meters: { trust: { label: 'Trust', initial: 50 }, ownership: { label: 'Ownership', initial: 40 } },
    start: ids[0],
    nodes,
  };
}
