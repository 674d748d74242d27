import { usePageTitle } from '../../components/use-page-title';

export function BriefingPage() {
  usePageTitle('BriefingPage');
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>BriefingPage</h1>
    </main>
  );
}
