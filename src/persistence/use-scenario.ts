import { useEffect, useState } from 'react';
import { loadScenario, type LoadedScenario } from './scenarios';

export type ScenarioState = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; loaded: LoadedScenario };

/** Load a scenario by id (bundled or draft). */
export function useScenario(id: string | undefined): ScenarioState {
  const [result, setResult] = useState<{ id: string; loaded?: LoadedScenario }>();
  useEffect(() => {
    if (!id) return;
    let live = true;
    loadScenario(id).then(
      (loaded) => live && setResult(loaded ? { id, loaded } : { id }),
      () => live && setResult({ id }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (!id) return { status: 'missing' };
  if (result?.id !== id) return { status: 'loading' };
  return result.loaded ? { status: 'ready', loaded: result.loaded } : { status: 'missing' };
}
