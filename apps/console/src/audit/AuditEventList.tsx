import { DataTable, FilterButton, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';

import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import { ConsoleList } from '../common/lists';
import type { AuditEventRecord } from '../dataProvider/types';
import { ActorField } from './ActorField';
import { AuditDiff } from './AuditDiff';
import { ActionField, EntityTypeField, ShortIdField } from './fields';
import { auditFilters } from './filters';
import { VerifyChainButton } from './VerifyChainButton';

const Column = DataTable.Col<AuditEventRecord>;

const AuditListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'auditEvents', action: 'verify' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess ? <VerifyChainButton /> : null}
    </TopToolbar>
  );
};

/** A row's before/after, unfolded in place. */
const AuditEventExpand = () => {
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  return <AuditDiff before={record.before} after={record.after} />;
};

/**
 * 审计日志: the institution's append-only trail, newest first (the API's order), read-only.
 * A row opens the event with its before/after; the toolbar verifies the hash chain.
 */
const AuditEventList = () => (
  <ConsoleList access filters={auditFilters} actions={<AuditListActions />}>
    <DataTable rowClick="show" bulkActionButtons={false} expand={<AuditEventExpand />}>
      <Column source="sequence" disableSort />
      <Column source="occurredAt" disableSort field={InstitutionDateTimeField} />
      <Column source="actor" disableSort>
        <ActorField />
      </Column>
      <Column source="action" disableSort>
        <ActionField />
      </Column>
      <Column source="entityType" disableSort>
        <EntityTypeField />
      </Column>
      <Column source="entityId" disableSort>
        <ShortIdField source="entityId" />
      </Column>
      <Column source="requestId" disableSort>
        <ShortIdField source="requestId" />
      </Column>
    </DataTable>
  </ConsoleList>
);

export default AuditEventList;
