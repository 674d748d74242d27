import { onRunEvent, type RunEvent } from '../persistence/run-events';
import { loadScenario } from '../persistence/scenarios';
import { MODE_NAMES, type RecordsLaunch } from './launch';
import { RECORDS_LOADERS } from './registry';
import { useRecordsStatus } from '../persistence/records-status';
import type { RecordsDeps, RecordsModule, RecordsSink } from './types';

export type RecordsStart = { readonly ok: true; readonly sink: RecordsSink } | { readonly ok: false; readonly message: string };

/**
 * Start learner records for a good launch. Subscribes to run events at once (before the module
 * has loaded or the LMS answered) and hands them to the sink in order once it is ready, so no
 * event of a fast trainee is lost. Events are handled one at a time: a statement's details are
 * resolved asynchronously, and order is what an LRS report reads.
 */
export function startRecords(
  launch: RecordsLaunch,
  loaders: Partial<Record<RecordsLaunch['mode'], () => Promise<RecordsModule>>> = RECORDS_LOADERS,
  deps: RecordsDeps = defaultDeps(),
): Promise<RecordsStart> {
  let chain: Promise<unknown> = Promise.resolve();
  let sink: RecordsSink | undefined;
  let failed = false;
  const buffered: RunEvent[] = [];
  const handle = (event: RunEvent) => {
    chain = chain.then(() => sink!.handle(event)).catch((error) => console.error('Catalyst records: an event was not recorded', error));
  };
  const stop = onRunEvent((event) => {
    if (failed) return;
    if (sink) handle(event);
    else buffered.push(event);
  });

  useRecordsStatus.setState({ mode: launch.mode, destination: `Connecting to the ${MODE_NAMES[launch.mode]} host…` });
  const loader = loaders[launch.mode];
  const started = loader
    ? loader().then((m) => m.start(launch, deps))
    : Promise.reject(new Error(`This copy of Catalyst cannot record ${MODE_NAMES[launch.mode]} results.`));

  return started.then(
    (ready): RecordsStart => {
      sink = ready;
      for (const event of buffered.splice(0)) handle(event);
      useRecordsStatus.setState({
        destination: ready.destination,
        ...(ready.canLeave !== false && {
          leave: () => {
            void chain
              .then(() => ready.leave())
              .then((to) => {
                if (to) window.location.assign(to);
              });
          },
        }),
      });
      return { ok: true, sink: ready };
    },
    (error: unknown): RecordsStart => {
      failed = true;
      stop();
      const message = error instanceof Error ? error.message : String(error);
      useRecordsStatus.setState({ destination: `Nowhere: ${message}`, problem: message });
      return { ok: false, message };
    },
  );
}

function defaultDeps(): RecordsDeps {
  return {
    loadScenario,
    report: (status) => useRecordsStatus.setState(status),
  };
}
