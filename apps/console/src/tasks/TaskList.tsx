import DoneAllIcon from '@mui/icons-material/DoneAll';
import {
  BulkUpdateButton,
  DataTable,
  DateInput,
  List,
  Pagination,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  useCanAccess,
  useCreatePath,
  type RowClickFunction,
} from 'react-admin';

import { EnumField } from '../common/EnumField';
import { ENUM_CHOICES } from '../common/enums';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { TaskRecord } from '../dataProvider/types';
import { ListAccessError, useAccessQueryOptions } from '../users/AccessError';
import { institutionTimeZone } from '../users/institution';
import { InstitutionDateTimeField } from '../users/InstitutionDateTimeField';
import { CaseLinkField } from './CaseLinkField';
import { CompleteTaskButton } from './CompleteTaskButton';
import { DueDateField } from './DueDateField';
import { taskDueState, todayIn } from './due';

const Column = DataTable.Col<TaskRecord>;

/** Late rows carry a red bar on their left edge. */
const LATE_ROW_SX = {
  '& > td:first-of-type': { borderLeft: '4px solid', borderLeftColor: 'error.main' },
} as const;

/** Each `source` is a field of the API's `TaskFilter`. */
const taskFilters = [
  <SelectArrayInput
    key="status"
    source="status"
    choices={ENUM_CHOICES.taskStatus}
    alwaysOn
    sx={{ minWidth: 160 }}
  />,
  <SelectArrayInput
    key="kind"
    source="kind"
    choices={ENUM_CHOICES.taskKind}
    alwaysOn
    sx={{ minWidth: 180 }}
  />,
  <DateInput key="dueBy" source="dueBy" alwaysOn />,
  <ReferenceInput key="assigneeId" source="assigneeId" reference="users" perPage={MAX_PAGE_SIZE}>
    <SelectInput optionText="displayName" />
  </ReferenceInput>,
];

/** Marks the selected tasks done, after a confirmation (one `completeTask` each). */
const TaskBulkActions = () => (
  <BulkUpdateButton
    data={{ status: 'DONE' }}
    label="tasks.actions.doneSelected"
    mutationMode="pessimistic"
    icon={<DoneAllIcon />}
  />
);

/**
 * 待办: follow-ups and reviews, earliest due first (the API's order), open ones by default.
 * A row opens its case; an open task can be marked done in place.
 */
const TaskList = () => {
  const queryOptions = useAccessQueryOptions();
  const createPath = useCreatePath();
  const today = todayIn(institutionTimeZone());
  const { canAccess: canComplete } = useCanAccess({ resource: 'tasks', action: 'edit' });
  const openCase: RowClickFunction<TaskRecord> = (_id, _resource, record) =>
    record.case?.id ? createPath({ resource: 'cases', id: record.case.id, type: 'show' }) : false;

  return (
    <List
      filters={taskFilters}
      filterDefaultValues={{ status: ['OPEN'] }}
      perPage={25}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50, MAX_PAGE_SIZE]} />}
      exporter={false}
      queryOptions={queryOptions}
      error={<ListAccessError />}
    >
      <DataTable
        rowClick={openCase}
        bulkActionButtons={canComplete ? <TaskBulkActions /> : false}
        rowSx={(record: TaskRecord) =>
          taskDueState(record, today) === 'overdue' ? LATE_ROW_SX : {}
        }
      >
        <Column source="kind" disableSort>
          <EnumField source="kind" enumName="taskKind" />
        </Column>
        <Column source="case.loanNumber" disableSort>
          <CaseLinkField />
        </Column>
        <Column source="note" disableSort />
        <Column source="dueDate" disableSort>
          <DueDateField />
        </Column>
        <Column source="assignee.displayName" disableSort>
          <TextField source="assignee.displayName" emptyText="tasks.empty.unassigned" />
        </Column>
        <Column source="status" disableSort>
          <EnumField source="status" enumName="taskStatus" />
        </Column>
        <Column source="completedAt" disableSort field={InstitutionDateTimeField} />
        <Column label="tasks.columns.actions" disableSort>
          <CompleteTaskButton />
        </Column>
      </DataTable>
    </List>
  );
};

export default TaskList;
