import { addRoute, deleteRoute, moveRoute, updateRoute } from '../../../domain/edit/ops';
import { useEditor } from '../editor-context';
import { fieldId } from '../field-paths';
import { focusLater } from './choice-editor';
import { meterList, type RouteInput, type RouteNodeInput } from './doc-types';
import { GroupProblems } from './fields';
import { NextPicker } from './next-picker';

type Op = 'gte' | 'gt' | 'lte' | 'lt';
type When = NonNullable<RouteInput['when']>;
const OPS: readonly { value: Op | ''; label: string }[] = [
  { value: '', label: 'Any value' },
  { value: 'gte', label: 'at least' },
  { value: 'gt', label: 'more than' },
  { value: 'lte', label: 'at most' },
  { value: 'lt', label: 'less than' },
];

/** Routes of a route node: tried in order; the first whose condition holds is taken. */
export function RouteFields({ nodeId, node }: { nodeId: string; node: RouteNodeInput }) {
  const { apply } = useEditor();
  const routes = node.routes ?? [];
  const base = ['nodes', nodeId, 'routes'] as const;
  return (
    <section className="routes" aria-labelledby={fieldId(base)}>
      <h3 id={fieldId(base)} tabIndex={-1}>
        Routes <span className="muted">({routes.length})</span>
      </h3>
      <p className="field-hint">
        Tried in order; the first whose condition holds is taken. End with a fallback route that has no condition.
      </p>
      <GroupProblems path={base} />
      {routes.map((route, i) => (
        <RouteEditor key={i} nodeId={nodeId} index={i} count={routes.length} route={route} />
      ))}
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          apply((d) => addRoute(d, nodeId), { announce: `Added route ${routes.length + 1}.` });
          focusLater(`${fieldId([...base, routes.length])}-legend`);
        }}
      >
        Add route
      </button>
    </section>
  );
}

function RouteEditor({ nodeId, index, count, route }: { nodeId: string; index: number; count: number; route: RouteInput }) {
  const { apply, doc } = useEditor();
  const path = ['nodes', nodeId, 'routes', index] as const;
  const n = index + 1;
  const when: When = route.when ?? {};
  const setWhen = (next: When) => {
    const clean = Object.fromEntries(Object.entries(next).filter(([, c]) => Object.keys(c).length > 0));
    apply((d) => updateRoute(d, nodeId, index, { when: Object.keys(clean).length ? clean : undefined }), {
      coalesceKey: fieldId([...path, 'when']),
    });
  };
  const meters = meterList(doc);
  const unknown = Object.keys(when).filter((m) => !meters.some(([id]) => id === m));
  const legendId = `${fieldId(path)}-legend`;
  return (
    <fieldset className="choice-card route-card" aria-labelledby={legendId}>
      <legend id={legendId} tabIndex={-1}>
        Route {n}
        {route.when ? '' : ' (fallback)'}
      </legend>
      <fieldset className="conditions">
        <legend>Condition</legend>
        {[...meters, ...unknown.map((m) => [m, `${m} (unknown meter)`] as [string, string])].map(([meter, label]) => {
          const entries = Object.entries(when[meter] ?? {}) as [Op, number][];
          const rows: [Op | '', number | undefined][] = entries.length ? entries : [['', undefined]];
          return rows.map(([op, value], r) => {
            const id = fieldId([...path, 'when', meter]) + (r ? `-${r}` : '');
            const suffix = r ? ` ${r + 1}` : '';
            const write = (nextOp: Op | '', nextValue: number | undefined) => {
              const cmp: Partial<Record<Op, number>> = { ...(when[meter] ?? {}) };
              if (op) delete cmp[op];
              if (nextOp) cmp[nextOp] = nextValue ?? doc.meters?.[meter]?.initial ?? 50;
              setWhen({ ...when, [meter]: cmp });
            };
            return (
              <div className="condition-row" key={`${meter}-${r}`}>
                <div className="field">
                  <label htmlFor={id}>
                    {label} condition{suffix}
                  </label>
                  <select id={id} value={op} onChange={(e) => write(e.target.value as Op | '', value)}>
                    {OPS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-value`}>
                    {label} threshold{suffix}
                  </label>
                  <input
                    id={`${id}-value`}
                    type="number"
                    min={0}
                    max={100}
                    disabled={!op}
                    value={value ?? ''}
                    onChange={(e) => write(op, e.target.value === '' ? 0 : Number(e.target.value))}
                  />
                </div>
                <GroupProblems path={[...path, 'when', meter]} />
              </div>
            );
          });
        })}
        <GroupProblems path={[...path, 'when']} />
      </fieldset>
      <NextPicker
        path={[...path, 'next']}
        value={route.next ?? ''}
        selfId={nodeId}
        link={{ nodeId, routeIndex: index }}
        onChange={(v) => apply((d) => updateRoute(d, nodeId, index, { next: v }))}
      />
      <div className="actions choice-actions">
        <button
          type="button"
          className="button secondary small"
          disabled={index === 0}
          aria-label={`Move route ${n} up`}
          onClick={() => {
            apply((d) => moveRoute(d, nodeId, index, index - 1));
            focusLater(`${fieldId([...path.slice(0, 3), index - 1])}-legend`);
          }}
        >
          Move up
        </button>
        <button
          type="button"
          className="button secondary small"
          disabled={index === count - 1}
          aria-label={`Move route ${n} down`}
          onClick={() => {
            apply((d) => moveRoute(d, nodeId, index, index + 1));
            focusLater(`${fieldId([...path.slice(0, 3), index + 1])}-legend`);
          }}
        >
          Move down
        </button>
        <button
          type="button"
          className="button danger small"
          aria-label={`Delete route ${n}`}
          onClick={() => {
            apply((d) => deleteRoute(d, nodeId, index), { announce: `Deleted route ${n}.` });
            focusLater(fieldId(path.slice(0, 3)));
          }}
        >
          Delete
        </button>
      </div>
    </fieldset>
  );
}
