import { Alert, Box, Stack, Typography } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import {
  AccessDenied,
  ArrayInput,
  BooleanInput,
  CanAccess,
  Edit,
  FormDataConsumer,
  Loading,
  NumberInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';

import { ENUM_CHOICES } from '../common/enums';
import {
  packValue,
  policyErrors,
  toFormValues,
  toPolicyChanges,
  type PolicyFormValues,
  type SimpleNumberField,
} from './policyForm';
import type { CollectionPolicyRecord } from './policyResource';

const RESOURCE = 'collectionPolicies';

/** Every input checks itself against the whole form, as the API would (see `policyErrors`). */
const checkPolicy: Validator = (
  _value,
  values,
  props?: { finalSource?: string; source?: string },
) => {
  const error = policyErrors(values as PolicyFormValues)[props?.finalSource ?? props?.source ?? ''];
  return error ? { message: error.message, args: error.args ?? {} } : undefined;
};

type HintedField = SimpleNumberField | 'attempts' | 'days' | 'quietHoursStart' | 'quietHoursEnd';

/** "The pack allows at most 6; only lower", following the rule pack chosen in the form. */
const PackHint = ({
  field,
  kind,
  children,
}: {
  field: HintedField;
  kind: 'cap' | 'minimum' | 'time';
  children: (hint: string) => ReactElement;
}) => {
  const translate = useTranslate();
  return (
    <FormDataConsumer<PolicyFormValues>>
      {({ formData }) => {
        const value = packValue(formData.rulePack, field);
        return children(
          value === null
            ? translate('policy.hint.none')
            : translate(`policy.hint.${kind}`, { value }),
        );
      }}
    </FormDataConsumer>
  );
};

const PolicyNumberInput = ({
  field,
  source,
  kind,
}: {
  field: HintedField;
  source: string;
  kind: 'cap' | 'minimum';
}) => (
  <PackHint field={field} kind={kind}>
    {(hint) => (
      <NumberInput
        source={source}
        helperText={hint}
        validate={checkPolicy}
        min={0}
        step={1}
        sx={{ minWidth: 280 }}
      />
    )}
  </PackHint>
);

const QuietHoursInput = ({ field }: { field: 'quietHoursStart' | 'quietHoursEnd' }) => (
  <PackHint field={field} kind="time">
    {(hint) => (
      <TextInput
        source={`overrides.${field}`}
        type="time"
        helperText={hint}
        validate={checkPolicy}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ minWidth: 200 }}
      />
    )}
  </PackHint>
);

const Section = ({
  title,
  help,
  children,
}: {
  title: string;
  help?: string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ width: '100%', mb: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {translate(title)}
      </Typography>
      {help ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5, maxWidth: 720 }}>
          {translate(help)}
        </Typography>
      ) : null}
      {children}
    </Box>
  );
};

const PolicySubtitle = () => {
  const record = useRecordContext<CollectionPolicyRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
      {translate('policy.subtitle', {
        institution: record.institutionName,
        pack: translate(`enums.rulePackCode.${record.rulePack}`),
        version: record.version,
      })}
    </Typography>
  );
};

const PolicyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The form over the record in form shape (every tightening present, null when not set). */
const PolicyForm = () => {
  const record = useRecordContext<CollectionPolicyRecord>();
  return (
    <SimpleForm
      record={record ? toFormValues(record) : undefined}
      toolbar={<PolicyToolbar />}
      warnWhenUnsavedChanges
      sx={{ maxWidth: 960 }}
    >
      <PolicySubtitle />
      <Section title="policy.sections.pack" help="policy.help.pack">
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          sx={{ alignItems: 'flex-start' }}
        >
          <SelectInput
            source="rulePack"
            choices={ENUM_CHOICES.rulePackCode}
            validate={checkPolicy}
            sx={{ minWidth: 240 }}
          />
          <BooleanInput source="holidayCalendar" helperText="policy.help.holidayCalendar" />
        </Stack>
      </Section>

      <Section title="policy.sections.quietHours" help="policy.help.quietHours">
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <QuietHoursInput field="quietHoursStart" />
          <QuietHoursInput field="quietHoursEnd" />
        </Stack>
      </Section>

      <Section title="policy.sections.limits">
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
            columnGap: 2,
          }}
        >
          <PolicyNumberInput
            field="maxUnansweredDialsPerNumberPerDay"
            source="overrides.maxUnansweredDialsPerNumberPerDay"
            kind="cap"
          />
          <PolicyNumberInput
            field="maxConversationsPerBorrowerPerDay"
            source="overrides.maxConversationsPerBorrowerPerDay"
            kind="cap"
          />
          <PolicyNumberInput
            field="attempts"
            source="overrides.maxCallAttemptsPerRollingDays.attempts"
            kind="cap"
          />
          <PolicyNumberInput
            field="days"
            source="overrides.maxCallAttemptsPerRollingDays.days"
            kind="minimum"
          />
          <PolicyNumberInput
            field="noCallAfterConversationDays"
            source="overrides.noCallAfterConversationDays"
            kind="minimum"
          />
          <PolicyNumberInput
            field="thirdPartyUnreachableAfterFailedAttempts"
            source="overrides.thirdPartyUnreachableAfterFailedAttempts"
            kind="minimum"
          />
          <PolicyNumberInput
            field="visitMinCollectors"
            source="overrides.visitMinCollectors"
            kind="minimum"
          />
          <PolicyNumberInput
            field="recordRetentionYears"
            source="overrides.recordRetentionYears"
            kind="minimum"
          />
          <PolicyNumberInput
            field="hardshipPlanMaxYears"
            source="overrides.hardshipPlanMaxYears"
            kind="cap"
          />
        </Box>
      </Section>

      <Section title="policy.sections.ladder" help="policy.help.ladder">
        <ArrayInput source="escalationLadder" label={false}>
          <SimpleFormIterator inline disableReordering>
            <NumberInput
              source="fromDpd"
              label="resources.collectionPolicies.fields.fromDpd"
              validate={checkPolicy}
              min={1}
              step={1}
            />
            <SelectInput
              source="stage"
              label="resources.collectionPolicies.fields.stage"
              choices={ENUM_CHOICES.caseStage}
              validate={checkPolicy}
            />
          </SimpleFormIterator>
        </ArrayInput>
      </Section>
    </SimpleForm>
  );
};

/**
 * The institution's collection policy (admins): rule pack, tightenings, holiday calendar and
 * escalation ladder. A plain react-admin `<Edit>` over the `collectionPolicies` resource;
 * numbers that would loosen the pack are refused on their input, before sending and by the API.
 */
export const PolicyPage = () => {
  const { identity, isPending } = useGetIdentity();
  const notify = useNotify();
  const translate = useTranslate();
  if (isPending) return <Loading />;
  const institutionId = identity?.institutionId as string | undefined;
  if (!institutionId) return <Alert severity="error">{translate('policy.noInstitution')}</Alert>;

  return (
    <CanAccess action="edit" resource={RESOURCE} accessDenied={<AccessDenied />}>
      <Edit
        resource={RESOURCE}
        id={institutionId}
        title="policy.title"
        actions={false}
        mutationMode="pessimistic"
        redirect={false}
        transform={(values: PolicyFormValues) => toPolicyChanges(values)}
        mutationOptions={{ onSuccess: () => notify('policy.saved', { type: 'success' }) }}
      >
        <PolicyForm />
      </Edit>
    </CanAccess>
  );
};

export default PolicyPage;
