import { createHashRouter, type RouteObject } from 'react-router';
import { Layout } from './layout';
import { RouteError } from './route-error';
import { NotFound } from '../components/not-found';
import { LibraryPage } from '../features/library/library-page';

/** Each route has its own error boundary, so one broken page never blanks the app. */
const withBoundary = (route: RouteObject): RouteObject => ({ errorElement: <RouteError />, ...route });

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      withBoundary({ index: true, element: <LibraryPage /> }),
      withBoundary({ path: 'scenarios/:scenarioId', lazy: () => import('../features/library/briefing-page').then((m) => ({ Component: m.BriefingPage })) }),
      withBoundary({ path: 'scenarios/:scenarioId/facilitator', lazy: () => import('../features/facilitator/facilitator-page').then((m) => ({ Component: m.FacilitatorPage })) }),
      withBoundary({ path: 'scenarios/:scenarioId/play', lazy: () => import('../features/player/play-page').then((m) => ({ Component: m.PlayPage })) }),
      withBoundary({ path: 'attempts/:attemptId', lazy: () => import('../features/debrief/debrief-page').then((m) => ({ Component: m.DebriefPage })) }),
      withBoundary({ path: 'progress', lazy: () => import('../features/progress/progress-page').then((m) => ({ Component: m.ProgressPage })) }),
      withBoundary({ path: 'preview/:draftId', lazy: () => import('../features/player/preview-page').then((m) => ({ Component: m.PreviewPage })) }),
      withBoundary({ path: '*', element: <NotFound /> }),
    ],
  },
];

export const router = createHashRouter(routes);
