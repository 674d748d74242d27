import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

interface State {
  readonly error?: Error;
}

/** Catches a page's render errors so one broken page never blanks the app. */
class Boundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Catalyst page error', error, info.componentStack);
  }

  override render() {
    return this.state.error ? <RouteError error={this.state.error} /> : this.props.children;
  }
}

/** A boundary that resets when the trainee navigates elsewhere. */
export function RouteBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary key={pathname}>{children}</Boundary>;
}

export function RouteError({ error }: { error: Error }) {
  return (
    <main id="main" className="page narrow" tabIndex={-1}>
      <h1>This page ran into a problem</h1>
      <p>Your progress is safe: it is kept in this browser and was not changed.</p>
      <p className="muted">Details: {error.message}</p>
      <p className="actions">
        <Link className="button" to="/">
          Back to the library
        </Link>
        <button type="button" className="button secondary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </p>
    </main>
  );
}
