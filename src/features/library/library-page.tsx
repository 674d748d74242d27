import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../components/use-page-title';
import { useProgress } from '../../persistence/progress-store';
import { useScenarioList } from '../../persistence/use-scenario';
import { LibraryFilterForm } from './library-filter-form';
import { filtersToParams, matchesFilters, parseFilters, type LibraryFilters } from './library-filters';
import { ScenarioCard } from './scenario-card';
import { scenarioStatus } from './scenario-status';
import './library.css';

export function LibraryPage() {
  usePageTitle('Scenario library');
  // Bundled scenarios and drafts, through the resource cache; the route's fallback shows meanwhile.
  const entries = useScenarioList();
  const runs = useProgress((s) => s.runs);
  const attempts = useProgress((s) => s.attempts);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const setFilters = (next: LibraryFilters) => setParams(filtersToParams(next), { replace: true });
  const search = useRef<HTMLInputElement>(null);
  // The Clear buttons disappear once nothing is filtered: keep keyboard users in place.
  const clear = () => {
    setParams(new URLSearchParams(), { replace: true });
    search.current?.focus();
  };

  const rows = useMemo(
    () => entries.map((e) => ({ ...e, status: scenarioStatus(e.summary.id, runs, attempts) })),
    [entries, runs, attempts],
  );
  const shown = rows.filter((r) => matchesFilters(r.summary, r.status, filters));
  const noun = rows.length === 1 ? 'scenario' : 'scenarios';

  return (
    <main id="main" className="page library" tabIndex={-1}>
      <h1>Scenario library</h1>
      <p className="library-intro">
        Catalyst lets you practise coaching conversations with simulated clients: you choose what to say, and the client responds to how you
        coach. After each choice, and in a debrief at the end, you see whether your move kept the client in charge or took over for them.
      </p>
      <LibraryFilterForm filters={filters} onChange={setFilters} onClear={clear} searchRef={search} />
      <p className="result-count" role="status">
        Showing {shown.length} of {rows.length} {noun}
      </p>
      {shown.length > 0 ? (
        <ul className="scenario-list" aria-label="Scenarios">
          {shown.map((r) => (
            <li key={`${r.source}:${r.summary.id}`}>
              <ScenarioCard summary={r.summary} source={r.source} status={r.status} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="card empty-state">
          <h2>No scenarios match</h2>
          <p>{rows.length ? 'Try fewer filters or a different search.' : 'No scenarios are available yet.'}</p>
          {rows.length > 0 && (
            <button type="button" className="button secondary" onClick={clear}>
              Clear filters
            </button>
          )}
        </div>
      )}
    </main>
  );
}
