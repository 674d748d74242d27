import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { kindText } from './map-model';
import { useNodeStatus } from './map-store';
import type { MapFlowNode } from './flow-elements';

/**
 * One box on the map: kind, id, first words of the client line, start/problem badges.
 * Selection and problem counts come from the map store, so only the boxes whose status
 * changed re-render.
 */
function MapNodeView({ id, data }: NodeProps<MapFlowNode>) {
  const { info, statusId } = data;
  const { selected, problems } = useNodeStatus(id);
  const status = [selected ? 'Selected' : '', problems ? `${problems} ${problems === 1 ? 'problem' : 'problems'}` : '']
    .filter(Boolean)
    .join('. ');
  const className = [
    'bm-node',
    `bm-node-${info.kind}`,
    info.outcome ? `bm-outcome-${info.outcome}` : '',
    selected ? 'is-selected' : '',
    problems || info.kind === 'missing' || info.kind === 'unknown' ? 'has-problems' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="bm-handle" />
      <div className="bm-node-head">
        <span className="bm-node-kind">{kindText(info)}</span>
        {info.isStart && <span className="bm-tag bm-tag-start">Start</span>}
        {problems > 0 && (
          <span className="bm-tag bm-tag-problem" aria-hidden="true">
            ⚠ {problems}
          </span>
        )}
      </div>
      {info.kind !== 'missing' && <div className="bm-node-id">{info.id}</div>}
      {info.heat ? <div className="bm-node-heat">{info.heat}</div> : <div className="bm-node-text">{info.snippet}</div>}
      {info.unlinked > 0 && (
        <div className="bm-node-unlinked" aria-hidden="true">
          {info.unlinked} unlinked
        </div>
      )}
      <span id={statusId} className="visually-hidden">
        {status}
      </span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="bm-handle" />
    </div>
  );
}

export const MapNode = memo(MapNodeView);
