import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/global.css';
import { registerDraftsSource } from './persistence/register-drafts';

// Studio drafts appear in the trainee library (marked Draft), loaded lazily.
registerDraftsSource();

const root = createRoot(document.getElementById('root')!);
const render = (app: ReactElement) => root.render(<StrictMode>{app}</StrictMode>);

// Learner records: only a launch link (cmi5, xAPI, SCORM; parameters in the query string, before
// any `#`) loads the launch parser and, from it, the standards code. Standalone loads and sends
// nothing. This test only decides whether to look closer; src/records/launch.ts decides the mode.
const LAUNCH_HINT = /[?&](scorm|fetch|activityId|activity_id|endpoint|auth|actor|registration)=/;
if (LAUNCH_HINT.test(window.location.search)) {
  void import('./app/launched').then((m) => render(m.launchedApp(window.location.search)));
} else {
  render(<App />);
}
