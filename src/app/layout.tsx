import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { RecordsBar } from './records-bar';
import { StorageBanner } from './storage-banner';

/** App frame: skip link, header navigation, storage warnings, and focus management on navigation. */
export function Layout() {
  const location = useLocation();
  // The path focus was last managed for: the first load keeps the browser's own focus (and
  // StrictMode's double effect run in development does not count as a navigation).
  const managed = useRef(location.pathname);
  useEffect(() => {
    if (managed.current === location.pathname) return;
    managed.current = location.pathname;
    // After a client-side navigation, move focus to the new page's heading so keyboard and
    // screen-reader users start at the top of the new content. Lazy pages may take a moment to
    // arrive, so wait (up to ~3 s) for a heading rather than focusing the loading placeholder.
    let frame = 0;
    let tries = 0;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading && tries++ < 180) {
        frame = requestAnimationFrame(focusHeading);
        return;
      }
      const target = heading ?? document.querySelector<HTMLElement>('main');
      if (!target || target.contains(document.activeElement)) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <NavLink to="/" className="brand" aria-label="Catalyst, scenario library">
            <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <path d="M9 12a4 4 0 0 1 4-4h8a4 4 0 0 1 4 4v5a4 4 0 0 1-4 4h-5l-5 4v-4a4 4 0 0 1-2-3.5z" fill="#f6c453" />
            </svg>
            <span>Catalyst</span>
          </NavLink>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to="/" end>
                  Library
                </NavLink>
              </li>
              <li>
                <NavLink to="/progress">Progress</NavLink>
              </li>
              <li>
                <NavLink to="/studio">Studio</NavLink>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <StorageBanner />
      <RecordsBar />
      <Outlet />
    </>
  );
}
