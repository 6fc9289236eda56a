import { lazy } from 'react';

/** The path of the collector's worklist. */
export const WORKLIST_PATH = '/worklist';

/** The worklist page, loaded when its route is first opened (like the resources' screens). */
export const Worklist = lazy(() => import('./WorklistPage'));
