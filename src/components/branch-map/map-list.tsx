import { memo } from 'react';
import { kindText, type MapGraph } from './map-model';
import { targetName } from './flow-elements';

interface MapListProps {
  graph: MapGraph;
  selectedId?: string;
  problemsByNode?: Record<string, number>;
  onSelect?: (nodeId: string) => void;
}

/**
 * The map as a structured list: every node with its kind, first words and problems, and
 * every link with its stance or condition and where it leads. The text alternative to the
 * visual graph, and a way to select any node with a keyboard or screen reader.
 */
function MapListView({ graph, selectedId, problemsByNode, onSelect }: MapListProps) {
  const linksBySource = new Map<string, MapGraph['edges']>();
  for (const e of graph.edges) {
    const list = linksBySource.get(e.source);
    if (list) list.push(e);
    else linksBySource.set(e.source, [e]);
  }
  const nodes = graph.nodes;
  if (nodes.length === 0) return <p className="bm-empty">This scenario has no nodes yet.</p>;
  return (
    <ol className="bm-list">
      {nodes.map((node) => {
        const problems = problemsByNode?.[node.id] ?? 0;
        const links = linksBySource.get(node.id) ?? [];
        const ghost = node.kind === 'missing';
        const title = (
          <>
            <span className="bm-list-kind">{kindText(node)}</span> {!ghost && <code>{node.id}</code>}
            {node.isStart && <span className="bm-tag bm-tag-start">Start</span>}
            {problems > 0 && (
              <span className="bm-tag bm-tag-problem">
                {problems} {problems === 1 ? 'problem' : 'problems'}
              </span>
            )}
          </>
        );
        return (
          <li key={node.id} className={`bm-list-item bm-kind-${node.kind}${node.id === selectedId ? ' is-selected' : ''}`}>
            {onSelect && !ghost ? (
              <button
                type="button"
                className="bm-list-select"
                aria-current={node.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(node.id)}
              >
                {title}
              </button>
            ) : (
              <p className="bm-list-title">{title}</p>
            )}
            {node.snippet && <p className="bm-list-snippet">{node.snippet}</p>}
            {node.heat && <p className="bm-list-snippet bm-list-heat">{node.heat}</p>}
            {node.unlinked > 0 && (
              <p className="bm-list-snippet">
                {node.unlinked} {node.unlinked === 1 ? 'link leads' : 'links lead'} nowhere.
              </p>
            )}
            {links.length > 0 && (
              <ul className="bm-list-links" aria-label={`Links from ${node.id}`}>
                {links.map((e) => (
                  <li key={e.id} className={`bm-list-link bm-edge-${e.type === 'route' ? 'route' : (e.stance ?? 'unknown')}`}>
                    {e.description} → {targetName(e.target)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export const MapList = memo(MapListView);
