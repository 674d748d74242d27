import { useRef } from 'react';

export type PaneId = 'map' | 'edit' | 'problems';
export const PANES: readonly { id: PaneId; label: string }[] = [
  { id: 'map', label: 'Map' },
  { id: 'edit', label: 'Edit' },
  { id: 'problems', label: 'Problems' },
];

/** Tabs for the panes on narrow screens (arrow keys move between tabs, per the ARIA tabs pattern). */
export function PaneTabs(props: { active: PaneId; onChange: (id: PaneId) => void; problemCount: number }) {
  const refs = useRef<Partial<Record<PaneId, HTMLButtonElement | null>>>({});
  const move = (delta: number) => {
    const i = PANES.findIndex((p) => p.id === props.active);
    const next = PANES[(i + delta + PANES.length) % PANES.length]!.id;
    props.onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="pane-tabs" role="tablist" aria-label="Editor panes">
      {PANES.map((p) => (
        <button
          key={p.id}
          ref={(el) => {
            refs.current[p.id] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${p.id}`}
          aria-selected={props.active === p.id}
          aria-controls={`pane-${p.id}`}
          tabIndex={props.active === p.id ? 0 : -1}
          onClick={() => props.onChange(p.id)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(1);
            else if (e.key === 'ArrowLeft') move(-1);
            else if (e.key === 'Home') move(-PANES.findIndex((x) => x.id === props.active));
            else if (e.key === 'End') move(PANES.length - 1 - PANES.findIndex((x) => x.id === props.active));
            else return;
            e.preventDefault();
          }}
        >
          {p.label}
          {p.id === 'problems' && props.problemCount ? <span className="tab-count"> ({props.problemCount})</span> : null}
        </button>
      ))}
    </div>
  );
}
