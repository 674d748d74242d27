import { useMemo } from 'react';
import { FeedbackTimingField } from '../../components/feedback-timing-field';
import { usePageTitle } from '../../components/use-page-title';
import { useProgress } from '../../persistence/progress-store';
import { useScenarioList } from '../../persistence/use-scenario';
import { AttemptsTable } from './attempts-table';
import { FreeSpaceSection } from './free-space-section';
import { plural } from './format';
import { RecordsSection } from './records-section';
import { RecoverySection } from './recovery-section';
import { RunsList } from './runs-list';
import { YourDataSection } from './your-data-section';
import './progress.css';

/** Scenario titles by id, for runs (attempts carry their own title). */
function useTitles(): ReadonlyMap<string, string> {
  const list = useScenarioList();
  return useMemo(() => new Map(list.map((e) => [e.summary.id, e.summary.title])), [list]);
}

export function ProgressPage() {
  usePageTitle('Your progress');
  const attempts = useProgress((s) => s.attempts);
  const runs = useProgress((s) => s.runs);
  const timing = useProgress((s) => s.settings.feedbackTiming);
  const setTiming = useProgress((s) => s.setFeedbackTiming);
  const titles = useTitles();
  const open = useMemo(
    () =>
      Object.values(runs)
        .filter((r) => r.path.length > 0)
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
    [runs],
  );
  const completed = attempts.filter((a) => a.status === 'completed').length;

  return (
    <main id="main" className="page progress" tabIndex={-1}>
      <h1>Your progress</h1>
      <p className="library-intro">
        {attempts.length || open.length
          ? `${plural(completed, 'completed attempt')}, ${plural(attempts.length - completed, 'abandoned attempt')} and ${plural(open.length, 'conversation')} in progress.`
          : 'You have not played a scenario yet. Your attempts will be listed here.'}
      </p>
      <RecoverySection />
      <FreeSpaceSection />
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">In progress</h2>
        <RunsList runs={open} titleOf={(id) => titles.get(id) ?? id} />
      </section>
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">Attempts</h2>
        <AttemptsTable attempts={attempts} />
      </section>
      <div className="progress-settings">
        <section className="card" aria-labelledby="settings-heading">
          <h2 id="settings-heading">Feedback</h2>
          <FeedbackTimingField value={timing} onChange={setTiming} />
        </section>
        <YourDataSection />
        <RecordsSection />
      </div>
    </main>
  );
}
