import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { NotFound } from '../components/not-found';

export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  const message = error instanceof Error ? error.message : isRouteErrorResponse(error) ? error.statusText : String(error);
  return (
    <main id="main" className="page narrow" tabIndex={-1}>
      <h1>This page ran into a problem</h1>
      <p>Your progress is safe: it is kept in this browser and was not changed.</p>
      <p className="muted">Details: {message}</p>
      <p>
        <Link className="button" to="/">Back to the library</Link>{' '}
        <button type="button" className="button secondary" onClick={() => window.location.reload()}>Reload the page</button>
      </p>
    </main>
  );
}
