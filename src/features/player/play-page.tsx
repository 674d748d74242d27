import { usePageTitle } from '../../components/use-page-title';

export function PlayPage() {
  usePageTitle('PlayPage');
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>PlayPage</h1>
    </main>
  );
}
