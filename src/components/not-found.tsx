import { Link } from 'react-router';

export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <main id="main" className="page narrow" tabIndex={-1}>
      <h1>We couldn’t find that {what}</h1>
      <p>The link may be out of date, or the {what} may have been removed.</p>
      <p>
        <Link className="button" to="/">
          Go to the scenario library
        </Link>
      </p>
    </main>
  );
}
