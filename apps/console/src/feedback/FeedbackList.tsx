import AlarmIcon from '@mui/icons-material/Alarm';
import { Box, Chip, Divider, Tab, Tabs } from '@mui/material';
import { Count, DataTable, useListContext, useTranslate } from 'react-admin';

import { CaseLinkField } from '../common/CaseLinkField';
import { EnumField } from '../common/EnumField';
import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import { ConsoleList, enumFilter, LATE_ROW_SX } from '../common/lists';
import type { FeedbackRecord } from '../dataProvider/types';
import { DeadlineField, FeedbackStatusField, ReceiptCodeField } from './fields';
import { isFeedbackOverdue } from './sla';
import { DEFAULT_STATUSES, FEEDBACK_TABS, tabOf, withTab, type FeedbackTabId } from './tabs';

const Column = DataTable.Col<FeedbackRecord>;

/** Each `source` is a field of the API's `FeedbackFilter`; `status` is set by the tabs. */
const feedbackFilters = [enumFilter('kind', 'feedbackKind', 180)];

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
  const now = Date.now();
  return (
    <ConsoleList
      access
      filters={feedbackFilters}
      filterDefaultValues={{ status: DEFAULT_STATUSES }}
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
    </ConsoleList>
  );
};

export default FeedbackList;
