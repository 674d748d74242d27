import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound } from '../components/not-found';
import { LibraryPage } from '../features/library/library-page';
import { Layout } from './layout';
import { RouteBoundary } from './route-error';

/*
 * Declarative routes (<HashRouter> + <Routes>) rather than a data router: we use no loaders or
 * actions, and the data router's machinery would cost the trainee ~8 kB gzip of the 130 kB budget.
 * Every page but the library is a lazy chunk; every route has its own error boundary.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const Briefing = page(() => import('../features/library/briefing-page'), 'BriefingPage');
const Facilitator = page(() => import('../features/facilitator/facilitator-page'), 'FacilitatorPage');
const Play = page(() => import('../features/player/play-page'), 'PlayPage');
const Preview = page(() => import('../features/player/preview-page'), 'PreviewPage');
const Debrief = page(() => import('../features/debrief/debrief-page'), 'DebriefPage');
const Progress = page(() => import('../features/progress/progress-page'), 'ProgressPage');
const StudioList = page(() => import('../features/studio/studio-list-page'), 'StudioListPage');
const Cohort = page(() => import('../features/cohort/cohort-page'), 'CohortPage');
const StudioEditor = page(() => import('../features/studio/studio-editor-page'), 'StudioEditorPage');

function Loading() {
  return (
    <main id="main" className="page" tabIndex={-1} aria-busy="true">
      <p role="status" className="muted">
        Loading…
      </p>
    </main>
  );
}

const guarded = (element: ReactNode) => (
  <RouteBoundary>
    <Suspense fallback={<Loading />}>{element}</Suspense>
  </RouteBoundary>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={guarded(<LibraryPage />)} />
        <Route path="scenarios/:scenarioId" element={guarded(<Briefing />)} />
        <Route path="scenarios/:scenarioId/facilitator" element={guarded(<Facilitator />)} />
        <Route path="scenarios/:scenarioId/play" element={guarded(<Play />)} />
        <Route path="attempts/:attemptId" element={guarded(<Debrief />)} />
        <Route path="progress" element={guarded(<Progress />)} />
        <Route path="studio" element={guarded(<StudioList />)} />
        <Route path="studio/:draftId" element={guarded(<StudioEditor />)} />
        <Route path="preview/:draftId" element={guarded(<Preview />)} />
        <Route path="cohort" element={guarded(<Cohort />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
