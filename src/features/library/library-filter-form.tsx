import { useId, useState, type RefObject } from 'react';
import { COMPETENCIES } from '../../domain/reference';
import { DRIFT_STANCES, STANCE_LABELS } from '../../domain/stances';
import {
  DURATIONS,
  DURATION_LABELS,
  STATUS_FILTERS,
  STATUS_FILTER_LABELS,
  activeFilterCount,
  type LibraryFilters,
} from './library-filters';

interface FilterFormProps {
  readonly filters: LibraryFilters;
  readonly onChange: (next: LibraryFilters) => void;
  /** Clears every filter and the search; the form then focuses the search box. */
  readonly onClear: () => void;
  readonly searchRef: RefObject<HTMLInputElement | null>;
}

/** Optional value of a <select>: '' means "any". */
function pick<K extends keyof LibraryFilters>(filters: LibraryFilters, key: K, value: LibraryFilters[K] | undefined): LibraryFilters {
  const { [key]: _old, ...rest } = filters;
  return (value === undefined ? rest : { ...rest, [key]: value }) as LibraryFilters;
}

/**
 * Search box plus four filters. On narrow screens the filters fold behind a "Filters" button
 * (the search box stays visible); on wide screens they are always shown.
 */
export function LibraryFilterForm({ filters, onChange, onClear, searchRef }: FilterFormProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const active = activeFilterCount(filters);
  const narrowing = active - (filters.q.trim() ? 1 : 0);
  return (
    <form className="library-filters" role="search" aria-label="Find a scenario" onSubmit={(e) => e.preventDefault()}>
      <div className="field library-search">
        <label htmlFor={`${id}-q`}>Search scenarios</label>
        <input
          id={`${id}-q`}
          ref={searchRef}
          type="search"
          value={filters.q}
          placeholder="Title, client or topic"
          autoComplete="off"
          onChange={(e) => onChange({ ...filters, q: e.target.value })}
        />
      </div>
      <button
        type="button"
        className="button secondary filters-toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
      >
        Filters{narrowing > 0 ? ` (${narrowing} on)` : ''}
      </button>
      <div id={`${id}-panel`} className={`filters-panel${open ? ' is-open' : ''}`}>
        <div className="field">
          <label htmlFor={`${id}-competency`}>Competency</label>
          <select
            id={`${id}-competency`}
            value={filters.competency ?? ''}
            onChange={(e) => onChange(pick(filters, 'competency', e.target.value ? Number(e.target.value) : undefined))}
          >
            <option value="">All competencies</option>
            {COMPETENCIES.map((c) => (
              <option key={c.number} value={c.number}>
                {c.number}. {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-pull`}>Main pull</label>
          <select
            id={`${id}-pull`}
            aria-describedby={`${id}-pull-hint`}
            value={filters.pull ?? ''}
            onChange={(e) =>
              onChange(
                pick(
                  filters,
                  'pull',
                  DRIFT_STANCES.find((s) => s === e.target.value),
                ),
              )
            }
          >
            <option value="">Any pull</option>
            {DRIFT_STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
              </option>
            ))}
          </select>
          <span id={`${id}-pull-hint`} className="hint">
            The stance the client tempts you into
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-duration`}>Length</label>
          <select
            id={`${id}-duration`}
            value={filters.duration ?? ''}
            onChange={(e) =>
              onChange(
                pick(
                  filters,
                  'duration',
                  DURATIONS.find((d) => d === e.target.value),
                ),
              )
            }
          >
            <option value="">Any length</option>
            {DURATIONS.map((d) => (
              <option key={d} value={d}>
                {DURATION_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filters.status ?? ''}
            onChange={(e) =>
              onChange(
                pick(
                  filters,
                  'status',
                  STATUS_FILTERS.find((s) => s === e.target.value),
                ),
              )
            }
          >
            <option value="">Any status</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_FILTER_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {active > 0 && (
        <button type="button" className="button secondary clear-filters" onClick={onClear}>
          Clear filters
        </button>
      )}
    </form>
  );
}
