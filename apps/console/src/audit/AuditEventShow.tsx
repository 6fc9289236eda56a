import FilterListIcon from '@mui/icons-material/FilterList';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { CardContent, Divider, Grid, Stack, Typography } from '@mui/material';
import { useMemo } from 'react';
import {
  Button,
  Link,
  RecordField,
  Show,
  TopToolbar,
  useCreatePath,
  useRecordContext,
  useResourceDefinitions,
  useTranslate,
} from 'react-admin';

import { ShowAccessError, useAccessQueryOptions } from '../common/AccessError';
import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import type { AuditEventRecord } from '../dataProvider/types';
import { isAuditEntityType, RESOURCE_BY_ENTITY_TYPE } from './actions';
import { ActorField } from './ActorField';
import { AuditDiff } from './AuditDiff';
import { ActionField, CodeField, EntityTypeField } from './fields';

const Field = RecordField<AuditEventRecord>;

/** One audit event: who did what to which record, when, and the record before and after. */
const AuditEventShow = () => {
  const accessOptions = useAccessQueryOptions();
  // Audit events never change: the record the list already read is used as it is.
  const queryOptions = useMemo(() => ({ ...accessOptions, staleTime: Infinity }), [accessOptions]);
  return (
    <Show
      queryOptions={queryOptions}
      error={<ShowAccessError />}
      actions={<AuditEventActions />}
      title={<AuditEventTitle />}
    >
      <AuditEventDetails />
    </Show>
  );
};

const AuditEventTitle = () => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  if (!record) return <>{translate('resources.auditEvents.name', { smart_count: 1 })}</>;
  return <>{translate('audit.show.title', { sequence: record.sequence })}</>;
};

/** Every event of the same record, and the record's own page where the console has one. */
const AuditEventActions = () => {
  const record = useRecordContext<AuditEventRecord>();
  const createPath = useCreatePath();
  const definitions = useResourceDefinitions();
  if (!record) return <TopToolbar />;
  const search = new URLSearchParams({
    filter: JSON.stringify({ entityType: record.entityType, entityId: record.entityId }),
  }).toString();
  const resource = isAuditEntityType(record.entityType)
    ? RESOURCE_BY_ENTITY_TYPE[record.entityType]
    : undefined;
  const canOpen = resource !== undefined && definitions[resource]?.hasShow === true;
  return (
    <TopToolbar>
      <Button
        component={Link}
        to={{ pathname: createPath({ resource: 'auditEvents', type: 'list' }), search }}
        label="audit.show.entityTrail"
      >
        <FilterListIcon />
      </Button>
      {canOpen ? (
        <Button
          component={Link}
          to={createPath({ resource, id: record.entityId, type: 'show' })}
          label="audit.show.openEntity"
        >
          <OpenInNewIcon />
        </Button>
      ) : null}
    </TopToolbar>
  );
};

const AuditEventDetails = () => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <CardContent>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Typography variant="h6" gutterBottom>
            {translate('audit.show.event')}
          </Typography>
          <Divider sx={{ mb: 2 }} />
          <Stack spacing={1.5}>
            <Field source="sequence" />
            <Field source="occurredAt" field={InstitutionDateTimeField} />
            <Field source="actor">
              <ActorField />
            </Field>
            <Field source="action">
              <ActionField />
            </Field>
            <Field source="entityType">
              <EntityTypeField />
            </Field>
            <Field source="entityId">
              <CodeField source="entityId" />
            </Field>
            <Field source="requestId">
              <CodeField source="requestId" />
            </Field>
            <Field source="hash">
              <CodeField source="hash" />
            </Field>
            <Field source="prevHash">
              <CodeField source="prevHash" />
            </Field>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Typography variant="h6" gutterBottom>
            {translate('audit.diff.title')}
          </Typography>
          <Divider sx={{ mb: 2 }} />
          <AuditDiff before={record.before} after={record.after} />
        </Grid>
      </Grid>
    </CardContent>
  );
};

export default AuditEventShow;
