import type { LaunchedMode } from './launch';
import type { RecordsModule } from './types';

/**
 * Mode → module loader. Each entry is a dynamic `import()`, so the standards code (xAPI client,
 * IndexedDB queue, SCORM runtime) is a separate chunk that loads only in a launched mode; the
 * standalone trainee bundle never contains it (`npm run bundle:check`).
 */
export const RECORDS_LOADERS: Partial<Record<LaunchedMode, () => Promise<RecordsModule>>> = {
  cmi5: () => import('./cmi5/cmi5-module').then((m) => m.cmi5Module),
  xapi: () => import('./xapi/xapi-module').then((m) => m.xapiModule),
  scorm12: () => import('./scorm/scorm-module').then((m) => m.scorm12Module),
  scorm2004: () => import('./scorm/scorm-module').then((m) => m.scorm2004Module),
};
