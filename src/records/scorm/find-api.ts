/**
 * Finding the LMS's run-time API the way the SCORM run-time environment books describe it
 * (SCORM 1.2 RTE 3.3.6.1, SCORM 2004 4th ed. RTE 3.1.2.1): look in this window, then walk
 * `window.parent` up to the top, then do the same from `window.opener`. The object is `API` for
 * SCORM 1.2 and `API_1484_11` for SCORM 2004. A cross-origin frame on the way throws on access;
 * that frame is skipped and the walk stops there, as the ADL sample code does.
 */

export type ScormVersion = '1.2' | '2004';

/** The SCORM 1.2 API (window.API): every call takes and returns strings. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string | boolean;
  LMSFinish(arg: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(arg: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string | number): string;
}

/** The SCORM 2004 API (window.API_1484_11). */
export interface Scorm2004Api {
  Initialize(arg: ''): string | boolean;
  Terminate(arg: ''): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(arg: ''): string | boolean;
  GetLastError(): string | number;
  GetErrorString(code: string | number): string;
}

export const API_NAMES = { '1.2': 'API', '2004': 'API_1484_11' } as const;

/** The ADL sample code gives up after this many parents; nested LMS frames are never this deep. */
const MAX_DEPTH = 500;

type Win = Window & { API?: unknown; API_1484_11?: unknown };

function lookIn(win: Win, name: 'API' | 'API_1484_11'): unknown {
  try {
    const api = win[name];
    return api && typeof api === 'object' ? api : undefined;
  } catch {
    return undefined; // another origin's window: not ours to read
  }
}

function walkUp(start: Win | null, name: 'API' | 'API_1484_11'): unknown {
  let win: Win | null = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    const api = lookIn(win, name);
    if (api) return api;
    let parent: Win | null;
    try {
      parent = win.parent as Win;
    } catch {
      return undefined;
    }
    if (!parent || parent === win) return undefined;
    win = parent;
  }
  return undefined;
}

const isApi12 = (o: unknown): o is Scorm12Api =>
  !!o && typeof (o as Scorm12Api).LMSInitialize === 'function' && typeof (o as Scorm12Api).LMSSetValue === 'function';
const isApi2004 = (o: unknown): o is Scorm2004Api =>
  !!o && typeof (o as Scorm2004Api).Initialize === 'function' && typeof (o as Scorm2004Api).SetValue === 'function';

export function findScormApi(version: '1.2', from?: Window): Scorm12Api | undefined;
export function findScormApi(version: '2004', from?: Window): Scorm2004Api | undefined;
export function findScormApi(version: ScormVersion, from: Window = window): Scorm12Api | Scorm2004Api | undefined {
  const name = API_NAMES[version];
  let found = walkUp(from as Win, name);
  if (!found) {
    let opener: Win | null = null;
    try {
      opener = (from.opener as Win | null) ?? null;
    } catch {
      opener = null;
    }
    found = walkUp(opener, name);
  }
  const valid = version === '1.2' ? isApi12(found) : isApi2004(found);
  return valid ? (found as Scorm12Api | Scorm2004Api) : undefined;
}
