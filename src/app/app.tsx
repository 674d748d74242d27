import { HashRouter } from 'react-router';
import { AppRoutes } from './router';
import { RouteBoundary } from './route-error';

export function App() {
  return (
    <HashRouter>
      <RouteBoundary>
        <AppRoutes />
      </RouteBoundary>
    </HashRouter>
  );
}
