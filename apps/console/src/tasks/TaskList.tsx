import DoneAllIcon from '@mui/icons-material/DoneAll';
import {
  BulkUpdateButton,
  DataTable,
  DateInput,
  ReferenceInput,
  SelectInput,
  TextField,
  useCanAccess,
  useCreatePath,
  type RowClickFunction,
} from 'react-admin';

import { CaseLinkField } from '../common/CaseLinkField';
import { EnumField } from '../common/EnumField';
import { institutionTimeZone } from '../common/institution';
import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import { ConsoleList, enumFilter, LATE_ROW_SX } from '../common/lists';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { TaskRecord } from '../dataProvider/types';
import { CompleteTaskButton } from './CompleteTaskButton';
import { taskDueState, todayIn } from './due';
import { DueDateField } from './DueDateField';

const Column = DataTable.Col<TaskRecord>;

/** Each `source` is a field of the API's `TaskFilter`. */
const taskFilters = [
  enumFilter('status', 'taskStatus', 160),
  enumFilter('kind', 'taskKind', 180),
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
  const createPath = useCreatePath();
  const today = todayIn(institutionTimeZone());
  const { canAccess: canComplete } = useCanAccess({ resource: 'tasks', action: 'edit' });
  const openCase: RowClickFunction<TaskRecord> = (_id, _resource, record) =>
    record.case?.id ? createPath({ resource: 'cases', id: record.case.id, type: 'show' }) : false;

  return (
    <ConsoleList access filters={taskFilters} filterDefaultValues={{ status: ['OPEN'] }}>
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
    </ConsoleList>
  );
};

export default TaskList;
