import { useId, useMemo } from 'react';
import { ArrowMarkerDefs } from '../../components/arrow-markers';
import { OUTCOME_LABELS } from '../../domain/kinds';
import type { Scenario } from '../../domain/schema';
import { STANCES, STANCE_LABELS } from '../../domain/stances';
import type { NodeRef } from './facilitator-model';
import { edgePath, layoutMap, NODE_H, NODE_W, type MapNode } from './map-layout';

const ARROW_KINDS = [...STANCES, 'route'];

const MAX_ID = 24;
const short = (s: string) => (s.length > MAX_ID ? `${s.slice(0, MAX_ID - 1)}…` : s);

function NodeBox({ n }: { n: MapNode }) {
  const x = n.x - NODE_W / 2;
  const y = n.y - NODE_H / 2;
  const title = n.kind === 'ending' && n.outcome ? `${n.label} · ${OUTCOME_LABELS[n.outcome]}` : n.start ? `${n.label} · Start` : n.label;
  const cls =
    n.kind === 'ending' ? `fmap-node fmap-ending fmap-outcome-${n.outcome}` : `fmap-node fmap-${n.kind}${n.start ? ' fmap-start' : ''}`;
  return (
    <g className={cls}>
      <rect x={x} y={y} width={NODE_W} height={NODE_H} rx={n.kind === 'route' ? 4 : 10} />
      <text x={n.x} y={n.y - 3} textAnchor="middle" className="fmap-title">
        {title}
      </text>
      <text x={n.x} y={n.y + 13} textAnchor="middle" className="fmap-id">
        {short(n.id)}
      </text>
    </g>
  );
}

/**
 * The branch map as a static, read-only SVG (prints cleanly, unlike an interactive canvas).
 * Edges are coloured and dashed by stance; the legend names each in text. The moments list
 * on the page is the full text alternative.
 */
export function FacilitatorMap({ scenario, refs }: { scenario: Scenario; refs: readonly NodeRef[] }) {
  const layout = useMemo(() => layoutMap(scenario, refs), [scenario, refs]);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const count = (k: string) => {
    const n = refs.filter((r) => r.node.kind === k).length;
    return `${n} ${k}${n === 1 ? '' : 's'}`;
  };
  const summary =
    `Branch map of ${scenario.title}: ${count('moment')}, ${count('route')} and ${count('ending')}, ` +
    `starting at ${scenario.start}. Every moment, response and route is listed in text below.`;
  const marker = (kind: string) => `url(#${uid}-arrow-${kind})`;
  return (
    <figure className="fmap">
      <div className="fmap-scroll" tabIndex={0} role="group" aria-label="Branch map, scrolls sideways on small screens">
        <svg
          className="fmap-svg"
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          style={{ minWidth: Math.min(layout.width, 560) }}
        >
          <defs>
            <ArrowMarkerDefs idPrefix={uid} kinds={ARROW_KINDS} size={8} pathClass={(k) => `fmap-arrow fmap-edge-${k}`} />
          </defs>
          <g>
            {layout.edges.map((e) => (
              <path
                key={e.key}
                d={edgePath(e.points)}
                className={`fmap-edge fmap-edge-${e.stance ?? 'route'}`}
                markerEnd={marker(e.stance ?? 'route')}
              />
            ))}
          </g>
          <g>
            {layout.nodes.map((n) => (
              <NodeBox key={n.id} n={n} />
            ))}
          </g>
        </svg>
      </div>
      <figcaption className="fmap-legend">
        <p className="fmap-legend-title">Key</p>
        <ul>
          {STANCES.map((s) => (
            <li key={s}>
              <svg width="40" height="12" aria-hidden="true" focusable="false">
                <line x1="0" y1="6" x2="40" y2="6" className={`fmap-edge fmap-edge-${s}`} />
              </svg>
              {STANCE_LABELS[s]} response
            </li>
          ))}
          <li>
            <svg width="40" height="12" aria-hidden="true" focusable="false">
              <line x1="0" y1="6" x2="40" y2="6" className="fmap-edge fmap-edge-route" />
            </svg>
            Route branch (automatic, by the meters)
          </li>
        </ul>
        <p>
          Boxes: moments are white with a solid border (the start has a thick border), routes have a dashed border, and endings are named
          with their outcome. Numbers match the lists below.
        </p>
      </figcaption>
    </figure>
  );
}
