import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FeedbackTimingField } from '../../components/feedback-timing-field';
import { NotFound } from '../../components/not-found';
import { usePageTitle } from '../../components/use-page-title';
import { COMPETENCIES } from '../../domain/reference';
import { STANCE_DESCRIPTIONS, STANCE_LABELS } from '../../domain/stances';
import { useProgress } from '../../persistence/progress-store';
import type { LoadedScenario } from '../../persistence/scenarios';
import { useScenario } from '../../persistence/use-scenario';
import { BriefingHowItWorks } from './briefing-how-it-works';
import './library.css';

/** Blank-line separated text as paragraphs (content is always rendered as text). */
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p, i) => (p.trim() ? <p key={i}>{p.trim()}</p> : null));

export function BriefingPage() {
  const loaded = useScenario(useParams().scenarioId ?? '');
  usePageTitle(loaded ? `Briefing: ${loaded.scenario.title}` : 'Scenario not found');
  if (!loaded) return <NotFound what="scenario" />;
  return <Briefing loaded={loaded} />;
}

/*
 * No loading state of its own: the route's Suspense fallback shows while the scenario loads, and
 * the layout moves focus to this page's heading once it arrives (after a navigation).
 */
function Briefing({ loaded }: { readonly loaded: LoadedScenario }) {
  const { scenario } = loaded;
  const navigate = useNavigate();
  const run = useProgress((s) => s.runs[scenario.id]);
  const timing = useProgress((s) => s.settings.feedbackTiming);
  const setTiming = useProgress((s) => s.setFeedbackTiming);
  const [restarting, setRestarting] = useState(false);
  const resumable = !!run && run.path.length > 0;
  const playPath = `/scenarios/${encodeURIComponent(scenario.id)}/play`;
  const meters = Object.values(scenario.meters).map((m) => m.label);
  const competencies = COMPETENCIES.filter((c) => scenario.competencies.includes(c.number));

  async function startAgain() {
    if (!run) return;
    setRestarting(true);
    // Loaded on demand: the lifecycle's engine is part of the play page, not of the briefing.
    const { restartRun } = await import('../../persistence/run-lifecycle');
    restartRun(scenario, loaded.version, 'restarted');
    navigate(playPath);
  }

  return (
    <main id="main" className="page briefing" tabIndex={-1}>
      <p className="eyebrow">Briefing{loaded.source === 'draft' ? ' · Draft' : ''}</p>
      <h1 tabIndex={-1}>{scenario.title}</h1>
      <p className="library-intro">{scenario.summary}</p>
      {resumable && (
        <p className="resume-shortcut">
          <Link className="button" to={playPath}>
            Resume where you left off<span className="visually-hidden"> in {scenario.title}</span>
          </Link>
        </p>
      )}
      <div className="briefing-grid">
        <div>
          <section className="card" aria-labelledby="client-heading">
            <h2 id="client-heading">Your client: {scenario.client.name}</h2>
            <p className="client-role">{scenario.client.role}</p>
            {paragraphs(scenario.client.background)}
          </section>
          <section className="card" aria-labelledby="practise-heading">
            <h2 id="practise-heading">What you’ll practise</h2>
            <ul className="competency-list">
              {competencies.map((c) => (
                <li key={c.number}>
                  <strong>{c.name}</strong> (ICF competency {c.number}): {c.summary}
                </li>
              ))}
            </ul>
            {scenario.temptation && (
              <p className="pull-note">
                <strong>Main pull: {STANCE_LABELS[scenario.temptation]}.</strong> This client tends to draw coaches into{' '}
                {STANCE_LABELS[scenario.temptation].toLowerCase()}:{' '}
                {STANCE_DESCRIPTIONS[scenario.temptation].replace(/^The coach /, 'the coach ')}
              </p>
            )}
          </section>
          <BriefingHowItWorks meters={meters} />
        </div>
        <aside className="card start-panel" aria-labelledby="start-heading">
          <h2 id="start-heading">{resumable ? 'Pick up where you left off' : 'Ready when you are'}</h2>
          <p>
            About {scenario.estimatedMinutes} minutes · {loaded.summary.moments} moments to respond to.
          </p>
          <h3>The meters you’ll see</h3>
          <ul className="meter-list">
            {meters.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
          <FeedbackTimingField value={timing} onChange={setTiming} />
          {resumable && (
            <p className="muted">
              You have made {run.path.length} {run.path.length === 1 ? 'choice' : 'choices'} in this conversation so far. Starting again
              keeps that attempt in your progress as unfinished.
            </p>
          )}
          <div className="actions">
            <Link className="button" to={playPath}>
              {resumable ? 'Resume' : 'Start'}
              <span className="visually-hidden"> {scenario.title}</span>
            </Link>
            {resumable && (
              <button type="button" className="button secondary" onClick={startAgain} disabled={restarting}>
                Start again
              </button>
            )}
          </div>
          <p className="facilitator-link">
            <Link className="button secondary small" to={`/scenarios/${encodeURIComponent(scenario.id)}/facilitator`}>
              Facilitator guide<span className="visually-hidden"> for {scenario.title}</span>
            </Link>
          </p>
        </aside>
      </div>
    </main>
  );
}
