import { usePageTitle } from '../../components/use-page-title';

export function LibraryPage() {
  usePageTitle('LibraryPage');
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>LibraryPage</h1>
    </main>
  );
}
