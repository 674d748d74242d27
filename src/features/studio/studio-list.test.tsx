// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftList } from './draft-list';
import { ImportResults } from './import-panel';
import { problemText, savedAgo } from './use-draft-list';
import { DRAFT_SUMMARY_VERSION } from '../../persistence/draft-summary';

afterEach(cleanup);

describe('import results', () => {
  it('lists each problem with its line and column, and shows markup as text', () => {
    const { container } = render(
      <MemoryRouter>
        <ImportResults
          busy={false}
          onDownload={() => undefined}
          outcomes={[
            {
              kind: 'refused',
              file: '<img src=x onerror=alert(1)>.yaml',
              problems: [
                {
                  severity: 'error',
                  path: ['nodes', 'a', 'kind'],
                  rule: 'schema',
                  message: 'kind must be one of moment, route, ending',
                  line: 13,
                  column: 11,
                },
              ],
            },
            { kind: 'imported', file: 'ok.yaml', id: 'draft-1', title: '<script>alert(1)</script>', problems: 2 },
          ]}
        />
      </MemoryRouter>,
    );
    expect(screen.getByText('“<img src=x onerror=alert(1)>.yaml” was not imported')).toBeTruthy();
    expect(screen.getByText('Line 13, column 11')).toBeTruthy();
    expect(screen.getByText(/kind must be one of/)).toBeTruthy();
    expect(screen.getByText(/with 2 problems to fix/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open <script>alert(1)</script>' }).getAttribute('href')).toBe('/studio/draft-1');
    expect(container.querySelector('img, script')).toBeNull();
  });
});

describe('drafts list', () => {
  it('shows title, last saved, size and problems, with open and delete per draft', () => {
    const now = Date.now();
    render(
      <MemoryRouter>
        <DraftList
          onDelete={() => undefined}
          drafts={[
            {
              v: DRAFT_SUMMARY_VERSION,
              id: 'draft-1',
              title: 'My scenario',
              createdAt: now,
              updatedAt: now - 120_000,
              revision: 4,
              nodes: 12,
              problems: 3,
              errors: 1,
              valid: false,
            },
          ]}
        />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'My scenario' }).getAttribute('href')).toBe('/studio/draft-1');
    expect(screen.getByText('2 minutes ago')).toBeTruthy();
    expect(screen.getByText('12 nodes')).toBeTruthy();
    expect(screen.getByText('1 error, 2 warnings')).toBeTruthy();
    expect(screen.getByText('Not playable until errors are fixed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete My scenario' })).toBeTruthy();
  });

  it('words times and problem counts plainly', () => {
    expect(savedAgo(1_000_000, 1_010_000)).toBe('just now');
    expect(savedAgo(0, 3 * 3600_000)).toBe('3 hours ago');
    expect(problemText({ problems: 0, errors: 0 })).toBe('No problems');
    expect(problemText({ problems: 2, errors: 2 })).toBe('2 errors');
    expect(problemText({ problems: 1, errors: 0 })).toBe('1 warning');
  });
});
