import { useEffect } from 'react';

/** Sets the document title: "<page> · Catalyst". */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Catalyst` : 'Catalyst: coaching practice';
  }, [title]);
}
