import VisitIcon from '@mui/icons-material/DirectionsWalk';
import { createElement, lazy } from 'react';
import { reactRouterProvider, type ResourceProps } from 'react-admin';

import type { VisitRecord } from '../dataProvider/types';

const VisitList = lazy(() => import('./VisitList'));
const VisitShow = lazy(() => import('./VisitShow'));

/** Today's agenda per collector: `/visits/agenda` (`?date=YYYY-MM-DD` for another day). */
export const VisitAgenda = lazy(() => import('./VisitAgenda'));
/** The week, Monday to Sunday: `/visits/week` (`?date=` any day of another week). */
export const VisitWeek = lazy(() => import('./VisitWeek'));

/** Where the agenda and the week live, for the menu. */
export const VISIT_AGENDA_PATH = '/visits/agenda';
export const VISIT_WEEK_PATH = '/visits/week';

// The admin uses react-router (react-admin's default router); its <Route> adds the two views
// under the resource, beside the list and show pages.
const { Route } = reactRouterProvider;

const resource: Omit<ResourceProps, 'name'> = {
  list: VisitList,
  show: VisitShow,
  icon: VisitIcon,
  recordRepresentation: (visit: VisitRecord) => visit.case?.loanNumber ?? visit.id,
  children: [
    createElement(Route, { key: 'agenda', path: 'agenda', element: createElement(VisitAgenda) }),
    createElement(Route, { key: 'week', path: 'week', element: createElement(VisitWeek) }),
  ],
};

export default resource;
