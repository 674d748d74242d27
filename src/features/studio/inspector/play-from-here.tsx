import { useState } from 'react';
import { Link } from 'react-router';
import { useEditor } from '../editor-context';
import { meterList } from './doc-types';

/** Preview link for the draft, optionally starting at a node with chosen meter values. */
export function previewHref(draftId: string, from?: string, meters: Readonly<Record<string, number>> = {}): string {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  for (const [m, v] of Object.entries(meters)) params.set(`m.${m}`, String(v));
  const q = params.toString();
  return `/preview/${encodeURIComponent(draftId)}${q ? `?${q}` : ''}`;
}

/** "Play from here": the real player on this draft, starting at this node, with meter values to start from. */
export function PlayFromHere({ nodeId }: { nodeId: string }) {
  const { doc, draftId } = useEditor();
  const meters = meterList(doc);
  const [values, setValues] = useState<Record<string, number>>({});
  const valueOf = (m: string) => values[m] ?? doc.meters?.[m]?.initial ?? 50;
  const chosen = Object.fromEntries(meters.map(([m]) => [m, valueOf(m)]));
  return (
    <section className="play-from-here card" aria-labelledby={`play-${nodeId}`}>
      <h3 id={`play-${nodeId}`}>Play from here</h3>
      <p className="field-hint">Opens the player on this draft at “{nodeId}”, with the meters set as below.</p>
      <div className="effects-grid">
        {meters.map(([m, label]) => (
          <div className="field" key={m}>
            <label htmlFor={`play-${nodeId}-${m}`}>{label} at start</label>
            <input
              id={`play-${nodeId}-${m}`}
              type="number"
              min={0}
              max={100}
              value={valueOf(m)}
              onChange={(e) => {
                const n = Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0)));
                setValues((v) => ({ ...v, [m]: n }));
              }}
            />
          </div>
        ))}
      </div>
      <Link className="button" to={previewHref(draftId, nodeId, chosen)}>
        Play from here
      </Link>
    </section>
  );
}
