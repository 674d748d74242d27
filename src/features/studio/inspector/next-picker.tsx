import { useRef, useState } from 'react';
import { addNode } from '../../../domain/edit/ops';
import type { PathSegment } from '../../../domain/problem';
import { useEditor } from '../editor-context';
import { KIND_LABELS, type NodeKind } from './doc-types';
import { SelectField } from './fields';

const NEW = '__new:';

/**
 * Above this many nodes a closed picker renders only its current value: three pickers of 1,000
 * options each made selecting a node cost over 100 ms (bench:studio). The full list renders on
 * focus or pointer-down, which React commits before the browser opens the list.
 */
export const LAZY_OPTIONS_ABOVE = 100;

/** A change within this long after a key press (arrows, typeahead) came from browsing the closed select. */
const BROWSE_MS = 1000;

/**
 * "Next node": a select of the existing nodes plus "New moment…" / "New route node…" / "New ending…",
 * which create the node and link this choice or route to it in one undoable step.
 * Browsing a closed select with the keyboard (arrows, typeahead) changes its value on every key in
 * some browsers, so landing on a "New…" option that way only creates the node on Enter: moving
 * through the list never creates nodes by accident. A mouse pick creates at once.
 */
export function NextPicker(props: {
  path: readonly PathSegment[];
  value: string;
  selfId: string;
  link: { nodeId: string; choiceIndex?: number; routeIndex?: number };
  onChange: (next: string) => void;
}) {
  const { doc, apply, select, announce } = useEditor();
  const ids = Object.keys(doc.nodes);
  const known = Object.hasOwn(doc.nodes, props.value);
  const [expanded, setExpanded] = useState(false);
  const listed = ids.length > LAZY_OPTIONS_ABOVE && !expanded ? (known ? [props.value] : []) : ids;
  const options = [
    { value: '', label: 'Choose a node…' },
    ...(props.value && !known ? [{ value: props.value, label: `${props.value} (missing)` }] : []),
    ...listed
      .filter((id) => id !== props.selfId || props.value === id)
      .map((id) => ({ value: id, label: `${id} (${KIND_LABELS[doc.nodes[id]!.kind] ?? doc.nodes[id]!.kind})` })),
  ];
  const expand = () => {
    if (!expanded) setExpanded(true);
  };
  const [pending, setPending] = useState<NodeKind>();
  const keyAt = useRef(0);
  const create = (kind: NodeKind) => {
    setPending(undefined);
    let created = '';
    const r = apply((d) => {
      const out = addNode(d, kind, { linkFrom: props.link });
      created = out.nodeId;
      return out.doc;
    });
    if (r.ok) announce(`Created ${KIND_LABELS[kind].toLowerCase()} ${created} and linked it. Use “Open ${created}” to edit it.`);
    else announce(r.message);
  };
  return (
    <div className="next-picker" onFocusCapture={expand} onPointerDownCapture={expand}>
      <SelectField
        path={props.path}
        label="Next node"
        value={pending ? `${NEW}${pending}` : props.value}
        options={options}
        note={pending ? `Press Enter to create a new ${KIND_LABELS[pending].toLowerCase()} and link it.` : undefined}
        onKeyDown={(e) => {
          keyAt.current = e.key === 'Enter' || e.key === 'Tab' ? 0 : performance.now();
          if (e.key === 'Enter' && pending) {
            e.preventDefault();
            create(pending);
          }
        }}
        onBlur={() => setPending(undefined)}
        groups={[
          {
            label: 'Create and link',
            options: [
              { value: `${NEW}moment`, label: 'New moment…' },
              { value: `${NEW}route`, label: 'New route node…' },
              { value: `${NEW}ending`, label: 'New ending…' },
            ],
          },
        ]}
        onChange={(v) => {
          const wasBrowsing = keyAt.current > 0 && performance.now() - keyAt.current < BROWSE_MS;
          keyAt.current = 0;
          if (!v.startsWith(NEW)) {
            setPending(undefined);
            return props.onChange(v);
          }
          const kind = v.slice(NEW.length) as NodeKind;
          if (wasBrowsing) setPending(kind);
          else create(kind);
        }}
      />
      {known && props.value !== props.selfId ? (
        <button type="button" className="button secondary small" onClick={() => select(props.value, { focus: true })}>
          Open {props.value}
        </button>
      ) : null}
    </div>
  );
}
