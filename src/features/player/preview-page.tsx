import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ClientText } from '../../components/run-client-text';
import { usePageTitle } from '../../components/use-page-title';
import { OUTCOME_LABELS } from '../../domain/kinds';
import type { Meters } from '../../domain/schema';
import { compileScenario } from '../../engine/compile';
import { newSeed, type FeedbackTiming } from '../../persistence/progress-schema';
import type { LoadedScenario } from '../../persistence/scenarios';
import { useScenario } from '../../persistence/use-scenario';
import { PlayView } from './play-view';
import { deriveRunView } from './run-view';
import './player.css';

/** Meter values from `?m.trust=60&m.ownership=40`, clamped to 0-100; unknown meters ignored. */
export function previewMeters(params: URLSearchParams, meterIds: readonly string[]): Meters {
  const meters: Meters = {};
  for (const id of meterIds) {
    const raw = params.get(`m.${id}`);
    const n = raw === null || raw.trim() === '' ? NaN : Number(raw);
    if (Number.isFinite(n)) meters[id] = Math.min(100, Math.max(0, Math.round(n)));
  }
  return meters;
}

/**
 * The real player on a studio draft, optionally from any node with chosen meters
 * (`/preview/:draftId?from=<node>&m.<meter>=<value>`). Nothing is saved to progress.
 */
export function PreviewPage() {
  const draftId = useParams().draftId ?? '';
  const loaded = useScenario(draftId);
  usePageTitle(loaded ? `Preview: ${loaded.scenario.title}` : 'Preview');
  if (!loaded)
    return (
      <main id="main" className="page narrow" tabIndex={-1}>
        <h1>This draft can’t be previewed</h1>
        <p>It may have been deleted, or it still has errors that stop it from playing. The studio’s Problems panel lists them.</p>
        <p>
          <Link className="button" to={draftId ? `/studio/${draftId}` : '/studio'}>
            Back to the studio
          </Link>
        </p>
      </main>
    );
  return <PreviewRun loaded={loaded} draftId={draftId} />;
}

function PreviewRun({ loaded, draftId }: { loaded: LoadedScenario; draftId: string }) {
  const { scenario } = loaded;
  const [params] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const startAt = from && scenario.nodes[from]?.kind === 'moment' ? from : undefined;
  const meterKey = params.toString();
  const input = useMemo(
    () => ({ meters: previewMeters(new URLSearchParams(meterKey), Object.keys(scenario.meters)) }),
    [meterKey, scenario],
  );
  const machine = useMemo(() => compileScenario(scenario, startAt ? { startAt } : {}), [scenario, startAt]);
  const [path, setPath] = useState<string[]>([]);
  const [awaiting, setAwaiting] = useState(false);
  const [timing, setTiming] = useState<FeedbackTiming>('each');
  // The preview shuffles responses as the player does; a restart is a new attempt with a new order.
  const [seed, setSeed] = useState(newSeed);
  const view = useMemo(
    () => deriveRunView(scenario, machine, path, awaiting, { input, seed }),
    [scenario, machine, path, awaiting, input, seed],
  );
  const restart = () => {
    setPath([]);
    setAwaiting(false);
    setSeed(newSeed());
  };

  return (
    <main id="main" className="page play" tabIndex={-1}>
      <header className="play-header">
        <p className="eyebrow">Studio preview · nothing is saved</p>
        <h1>{scenario.title}</h1>
        <p className="play-client">
          {startAt ? (
            <>
              Starting at <code>{startAt}</code>.{' '}
            </>
          ) : null}
          <Link to={`/studio/${draftId}`}>Back to the studio</Link>
        </p>
      </header>
      {from && !startAt && (
        <p className="banner warning" role="alert">
          “{from}” is not a moment in this draft, so the preview starts at the beginning.
        </p>
      )}
      {view.kind === 'broken' ? (
        <p role="alert">{view.reason}</p>
      ) : view.ending && !view.feedback ? (
        <section className="card" aria-labelledby="preview-ending">
          <h2 id="preview-ending" tabIndex={-1}>
            Ending: {OUTCOME_LABELS[view.ending.node.outcome]}
          </h2>
          <ClientText text={view.ending.node.client} />
          <p className="muted">{view.ending.node.summary}</p>
          <div className="actions">
            <button type="button" className="button" onClick={restart}>
              Restart preview
            </button>
            <Link className="button secondary" to={`/studio/${draftId}`}>
              Back to the studio
            </Link>
          </div>
        </section>
      ) : (
        <PlayView
          view={view}
          clientName={scenario.client.name}
          timing={timing}
          onTiming={setTiming}
          onChoose={(choiceId) => {
            setPath((p) => [...p, choiceId]);
            setAwaiting(timing === 'each');
          }}
          onContinue={() => setAwaiting(false)}
          onRetry={() => {
            setPath((p) => p.slice(0, -1));
            setAwaiting(false);
          }}
        />
      )}
    </main>
  );
}
