import { usePageTitle } from '../../components/use-page-title';

export function ProgressPage() {
  usePageTitle('ProgressPage');
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>ProgressPage</h1>
    </main>
  );
}
