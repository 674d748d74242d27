import type { ReactElement } from 'react';
import { parseLaunch } from '../records/launch';
import { startRecords } from '../records/start';
import { App } from './app';
import { LaunchProblem } from './launch-problem';

/**
 * The app for a page opened with launch parameters (a separate chunk: the standalone trainee
 * never downloads the launch parser). A bad launch shows what is wrong and starts nothing; a
 * good one opens the launched scenario and starts its records.
 */
export function launchedApp(search: string): ReactElement {
  const launch = parseLaunch(search);
  if (!launch.ok) return <LaunchProblem launch={launch} />;
  if (launch.mode !== 'standalone') {
    // Open the launched scenario, unless a reload is already somewhere in the app.
    const hash = window.location.hash;
    if (hash === '' || hash === '#' || hash === '#/')
      window.history.replaceState(null, '', `#/scenarios/${encodeURIComponent(launch.scenarioId)}`);
    void startRecords(launch);
  }
  return <App />;
}
