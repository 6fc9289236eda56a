import AgendaIcon from '@mui/icons-material/ViewAgenda';
import ListIcon from '@mui/icons-material/ViewList';
import WeekIcon from '@mui/icons-material/CalendarViewWeek';
import { Tab, Tabs } from '@mui/material';
import type { ReactElement } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';

export type VisitView = 'list' | 'agenda' | 'week';

/** The path of each visit view, under the visits resource. */
export const useVisitViewPath = () => {
  const createPath = useCreatePath();
  const list = createPath({ resource: 'visits', type: 'list' });
  return (view: VisitView): string => (view === 'list' ? list : `${list}/${view}`);
};

/** Switches between the visits list, today's agenda and the week, above each of them. */
export const VisitViewTabs = ({ value }: { value: VisitView }) => {
  const translate = useTranslate();
  const pathOf = useVisitViewPath();
  const views: { view: VisitView; icon: ReactElement }[] = [
    { view: 'list', icon: <ListIcon /> },
    { view: 'agenda', icon: <AgendaIcon /> },
    { view: 'week', icon: <WeekIcon /> },
  ];
  return (
    <Tabs value={value} aria-label={translate('visits.views.label')} sx={{ minHeight: 40, mb: 1 }}>
      {views.map(({ view, icon }) => (
        <Tab
          key={view}
          value={view}
          icon={icon}
          iconPosition="start"
          label={translate(`visits.views.${view}`)}
          component={Link}
          to={pathOf(view)}
          sx={{ minHeight: 40 }}
        />
      ))}
    </Tabs>
  );
};
