import AlarmIcon from '@mui/icons-material/Alarm';
import { Box, Chip, Divider, Tab, Tabs } from '@mui/material';
import {
  Count,
  DataTable,
  List,
  Pagination,
  SelectArrayInput,
  useListContext,
  useTranslate,
} from 'react-admin';

import { EnumField } from '../common/EnumField';
import { ENUM_CHOICES } from '../common/enums';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { FeedbackRecord } from '../dataProvider/types';
import { CaseLinkField } from '../tasks/CaseLinkField';
import { ListAccessError, useAccessQueryOptions } from '../users/AccessError';
import { InstitutionDateTimeField } from '../users/InstitutionDateTimeField';
import { DeadlineField, FeedbackStatusField, ReceiptCodeField } from './fields';
import { isFeedbackOverdue } from './sla';
import { DEFAULT_STATUSES, FEEDBACK_TABS, tabOf, withTab, type FeedbackTabId } from './tabs';

const Column = DataTable.Col<FeedbackRecord>;

/** Rows past a deadline carry a red bar on their left edge. */
const LATE_ROW_SX = {
  '& > td:first-of-type': { borderLeft: '4px solid', borderLeftColor: 'error.main' },
} as const;

/** Each `source` is a field of the API's `FeedbackFilter`; `status` is set by the tabs. */
const feedbackFilters = [
  <SelectArrayInput
    key="kind"
    source="kind"
    choices={ENUM_CHOICES.feedbackKind}
    alwaysOn
    sx={{ minWidth: 180 }}
  />,
];

/** Only feedback past a deadline it still has to meet (the API's `overdue: true`). */
const OverdueToggle = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext<FeedbackRecord>();
  const translate = useTranslate();
  const on = filterValues.overdue === true || filterValues.overdue === 'true';
  const toggle = () => {
    const { overdue: _overdue, ...rest } = filterValues;
    setFilters(on ? rest : { ...rest, overdue: true }, displayedFilters);
  };
  return (
    <Chip
      clickable
      icon={<AlarmIcon />}
      color={on ? 'error' : 'default'}
      variant={on ? 'filled' : 'outlined'}
      onClick={toggle}
      aria-pressed={on}
      label={
        <span>
          {translate('feedback.filters.overdue')}{' '}
          <Count
            resource="feedback"
            filter={{ ...filterValues, overdue: true }}
            component="span"
            variant="body2"
          />
        </span>
      }
    />
  );
};

/** Tabs by status, each with how many match the other filters. */
const StatusTabs = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext<FeedbackRecord>();
  const translate = useTranslate();
  const current = tabOf(filterValues.status);
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, pr: 2 }}>
        <Tabs
          sx={{ minWidth: 0 }}
          variant="scrollable"
          scrollButtons="auto"
          value={current}
          onChange={(_event, tab: FeedbackTabId) =>
            setFilters(withTab(filterValues, tab), displayedFilters)
          }
          aria-label={translate('feedback.tabs.label')}
        >
          {FEEDBACK_TABS.map((tab) => (
            <Tab
              key={tab.id}
              value={tab.id}
              label={
                <span>
                  {translate(`feedback.tabs.${tab.id}`)}{' '}
                  <Count
                    resource="feedback"
                    filter={withTab(filterValues, tab.id)}
                    component="span"
                    variant="body2"
                    sx={{ color: 'text.secondary' }}
                  />
                </span>
              }
            />
          ))}
        </Tabs>
        <Box sx={{ flexGrow: 1 }} />
        <OverdueToggle />
      </Box>
      <Divider />
    </>
  );
};

/**
 * 借款人反馈 triage: open feedback first (newest first, the API's order), by status tab,
 * kind and "overdue"; deadlines turn red when missed. A row opens the feedback to act on it.
 */
const FeedbackList = () => {
  const queryOptions = useAccessQueryOptions();
  const now = Date.now();
  return (
    <List
      filters={feedbackFilters}
      filterDefaultValues={{ status: DEFAULT_STATUSES }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, MAX_PAGE_SIZE]} />}
      exporter={false}
      queryOptions={queryOptions}
      error={<ListAccessError />}
    >
      <StatusTabs />
      <DataTable
        rowClick="show"
        bulkActionButtons={false}
        rowSx={(record: FeedbackRecord) => (isFeedbackOverdue(record, now) ? LATE_ROW_SX : {})}
      >
        <Column source="receiptCode" disableSort>
          <ReceiptCodeField />
        </Column>
        <Column source="kind" disableSort>
          <EnumField source="kind" enumName="feedbackKind" />
        </Column>
        <Column source="category" disableSort>
          <EnumField source="category" enumName="feedbackCategory" />
        </Column>
        <Column source="status" disableSort>
          <FeedbackStatusField />
        </Column>
        <Column source="case.loanNumber" disableSort>
          <CaseLinkField />
        </Column>
        <Column source="createdAt" disableSort field={InstitutionDateTimeField} />
        <Column source="acknowledgeDueAt" disableSort>
          <DeadlineField deadline="acknowledge" compact />
        </Column>
        <Column source="resolveDueAt" disableSort>
          <DeadlineField deadline="resolve" compact />
        </Column>
      </DataTable>
    </List>
  );
};

export default FeedbackList;
