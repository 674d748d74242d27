import { usePageTitle } from '../../components/use-page-title';

export function DebriefPage() {
  usePageTitle('DebriefPage');
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>DebriefPage</h1>
    </main>
  );
}
