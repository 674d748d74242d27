import { OUTCOME_LABELS, type Outcome } from '../../domain/kinds';
import type { Scenario } from '../../domain/schema';
import { STANCE_LABELS } from '../../domain/stances';
import { RARE_SHARE, type ScenarioFigures } from '../../engine/cohort';
import { ScrollTable } from '../../components/scroll-table';
import { pct } from './heat';

const outcomeLabel = (o: string | undefined) => (o && o in OUTCOME_LABELS ? OUTCOME_LABELS[o as Outcome] : (o ?? ''));
const clientLine = (scenario: Scenario, nodeId: string) => {
  const n = scenario.nodes[nodeId];
  return n && n.kind !== 'route' ? n.client : '';
};
const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function DriftTable({ scenario, fig }: { scenario: Scenario; fig: ScenarioFigures }) {
  const rows = fig.drift.slice(0, 8);
  return (
    <section className="cohort-section" aria-labelledby="cohort-drift">
      <h3 id="cohort-drift">Top drift points</h3>
      {rows.length === 0 ? (
        <p>No drift responses were chosen at any moment.</p>
      ) : (
        <ScrollTable className="cohort-table" labelledBy="cohort-drift" columns={['Moment', 'Drift share', 'Dominant stance', 'Reached']}>
          {rows.map((d) => (
            <tr key={d.nodeId}>
              <th scope="row">
                <code>{d.nodeId}</code>
                <span className="cohort-line">{short(clientLine(scenario, d.nodeId))}</span>
              </th>
              <td>
                <span className="cohort-bar" aria-hidden="true">
                  <span style={{ width: pct(d.share) }} />
                </span>
                {pct(d.share)} ({d.drift} of {d.answered})
              </td>
              <td>
                <span className={`stance-badge stance-${d.dominant}`}>{STANCE_LABELS[d.dominant]}</span> {d.dominantCount}
              </td>
              <td>{d.reached}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}

export function RareList({ fig }: { fig: ScenarioFigures }) {
  return (
    <section className="cohort-section" aria-labelledby="cohort-rare">
      <h3 id="cohort-rare">Partnering responses almost nobody chose</h3>
      <p className="muted">Chosen by fewer than {pct(RARE_SHARE)} of those who reached the moment.</p>
      {fig.rare.length === 0 ? (
        <p>None: every partnering response at the moments reached was found by at least {pct(RARE_SHARE)}.</p>
      ) : (
        <ul className="cohort-rare">
          {fig.rare.slice(0, 10).map((r) => (
            <li key={`${r.nodeId}/${r.choiceId}`}>
              <q>{r.text}</q> at <code>{r.nodeId}</code>: {r.count} of {r.reached} ({pct(r.share)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EndingsTable({ fig }: { fig: ScenarioFigures }) {
  return (
    <section className="cohort-section" aria-labelledby="cohort-endings">
      <h3 id="cohort-endings">Endings</h3>
      <p className="muted">
        {fig.finished} of {fig.attempts} attempts finished. {pct(fig.rewoundShare)} of answers were taken back with “Try a different
        response” ({fig.rewinds} of {fig.answered}).
      </p>
      <ScrollTable className="cohort-table" labelledBy="cohort-endings" columns={['Ending', 'Outcome', 'Attempts']}>
        {fig.endings.map((e) => (
          <tr key={e.endingId}>
            <th scope="row">
              <code>{e.endingId}</code>
            </th>
            <td>{outcomeLabel(e.outcome)}</td>
            <td>
              <span className="cohort-bar" aria-hidden="true">
                <span style={{ width: pct(e.share) }} />
              </span>
              {e.count} ({pct(e.share)})
            </td>
          </tr>
        ))}
      </ScrollTable>
    </section>
  );
}

export function TraineeTable({
  fig,
  showNames,
  onShowNames,
}: {
  fig: ScenarioFigures;
  showNames: boolean;
  onShowNames: (show: boolean) => void;
}) {
  return (
    <section className="cohort-section" aria-labelledby="cohort-trainees">
      <h3 id="cohort-trainees">Trainees</h3>
      <div className="field cohort-check">
        <input id="cohort-show-names" type="checkbox" checked={showNames} onChange={(e) => onShowNames(e.target.checked)} />
        <label htmlFor="cohort-show-names">Show names (anonymised by a short code otherwise)</label>
      </div>
      <ScrollTable
        className="cohort-table"
        labelledBy="cohort-trainees"
        columns={['Trainee', 'Attempts', 'Partnering', 'Ending', 'Pattern']}
      >
        {fig.traineeRows.map((t) => (
          <tr key={t.hash}>
            <th scope="row">{showNames ? t.name : <code>{t.hash}</code>}</th>
            <td>
              {t.attempts}
              {t.finished < t.attempts ? ` (${t.finished} finished)` : ''}
            </td>
            <td>{pct(t.partneringShare)}</td>
            <td>{t.endingId ? `${t.endingId} (${outcomeLabel(t.outcome)})` : 'Not finished'}</td>
            <td>
              {t.pattern ? (
                <>
                  <strong>{t.pattern.headline}.</strong> {t.pattern.detail}
                </>
              ) : (
                '–'
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </section>
  );
}
