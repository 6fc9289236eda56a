import {
  ContactChannel,
  ContactDirection,
  type ContactOutcome,
  type ContactResult,
} from '@arrears/domain';
import { Grid } from '@mui/material';
import { useRef } from 'react';
import {
  FormDataConsumer,
  RadioButtonGroupInput,
  required,
  SelectInput,
  TextInput,
  useCreate,
  useTranslate,
  type Validator,
} from 'react-admin';

import { ENUM_CHOICES } from '../common/enums';
import type { LogContactInput } from '../dataProvider/types';
import { ActionDialog, type CaseDialogProps } from './ActionDialog';
import { ContactCheck } from './ContactCheck';
import { formLabel as label, newIdempotencyKey, notInFuture, ZonedDateTimeInput } from './inputs';
import { contactRecordProblem, resultsForChannel } from './policy';
import { nowInput } from './zonedTime';

/** The input the domain's contact-record check finds at fault gets its message. */
const recordRule =
  (field: 'result' | 'outcome' | 'recordingRef'): Validator =>
  (_value, values) =>
    contactRecordProblem(values as Parameters<typeof contactRecordProblem>[0]) === field
      ? `resources.cases.validation.${field}`
      : undefined;

interface ContactValues {
  channel?: ContactChannel;
  direction?: ContactDirection;
  thirdPartyId?: string;
  occurredAt?: string;
  phoneNumber?: string;
  result?: ContactResult;
  outcome?: ContactOutcome;
  attitude?: string;
  recordingRef?: string;
  note?: string;
  idempotencyKey?: string;
}

/** The person choice that stands for the borrower (the API's "no third party"). */
const BORROWER = 'borrower';
const thirdPartyOf = (value: string | undefined) =>
  value && value !== BORROWER ? value : undefined;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

/**
 * Logs a contact (催记). Before it is sent the form shows what the collection policy says: the
 * case's contactability per channel, and the decision for the channel, person and time chosen.
 * A refusal on submit shows the rules and the next allowed time.
 */
export const LogContactDialog = ({ record, open, onClose }: CaseDialogProps) => {
  const translate = useTranslate();
  const [create] = useCreate();
  const timeZone = record.institution.timeZone;
  const now = useRef<ReturnType<typeof nowInput>>(undefined);

  const people = [
    {
      id: BORROWER,
      name: translate(label('borrowerSelf'), { name: record.borrower.fullName }),
    },
    ...record.borrower.thirdParties.map((third) => ({
      id: third.id,
      name: translate(label(third.refusedContact ? 'thirdPartyRefused' : 'thirdParty'), {
        name: third.fullName,
        relation: translate(`enums.thirdPartyRelation.${third.relation}`),
      }),
    })),
  ];

  const submit = (values: ContactValues) => {
    const data: LogContactInput = {
      caseId: record.id,
      channel: values.channel as ContactChannel,
      direction: values.direction ?? ContactDirection.OUTBOUND,
      result: values.result as ContactResult,
      outcome: values.outcome ?? null,
      attitude: (values.attitude as LogContactInput['attitude']) ?? null,
      note: text(values.note),
      occurredAt: now.current?.toInstant(values.occurredAt) ?? null,
      recordingRef: text(values.recordingRef),
      phoneNumber: values.channel === ContactChannel.PHONE ? text(values.phoneNumber) : null,
      thirdPartyId: thirdPartyOf(values.thirdPartyId) ?? null,
      idempotencyKey: values.idempotencyKey ?? null,
    };
    return create('contacts', { data }, { returnPromise: true });
  };

  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title="resources.cases.actions.logContact"
      success="resources.cases.notifications.contactLogged"
      timeZone={timeZone}
      maxWidth="md"
      defaultValues={() => {
        now.current = nowInput(timeZone);
        return {
          channel: ContactChannel.PHONE,
          direction: ContactDirection.OUTBOUND,
          thirdPartyId: BORROWER,
          occurredAt: now.current.initial,
          idempotencyKey: newIdempotencyKey(),
        };
      }}
      onSubmit={(values) => submit(values as ContactValues)}
    >
      <FormDataConsumer<ContactValues>>
        {({ formData }) => (
          <ContactCheck
            record={record}
            channel={formData.channel}
            personId={thirdPartyOf(formData.thirdPartyId)}
            at={formData.occurredAt}
            phoneNumber={
              formData.channel === ContactChannel.PHONE ? formData.phoneNumber : undefined
            }
            inbound={formData.direction === ContactDirection.INBOUND}
          />
        )}
      </FormDataConsumer>
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <SelectInput
            source="channel"
            label={label('channel')}
            choices={ENUM_CHOICES.contactChannel}
            validate={required()}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <RadioButtonGroupInput
            source="direction"
            label={label('direction')}
            choices={ENUM_CHOICES.contactDirection}
            row
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <SelectInput
            source="thirdPartyId"
            label={label('person')}
            choices={people}
            validate={required()}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <ZonedDateTimeInput
            source="occurredAt"
            label={label('occurredAt')}
            timeZone={timeZone}
            validate={[required(), notInFuture(timeZone)]}
          />
        </Grid>
        <FormDataConsumer<ContactValues>>
          {({ formData }) => {
            const channel = formData.channel ?? ContactChannel.PHONE;
            const results = new Set<string>(resultsForChannel(channel));
            const isPhone = channel === ContactChannel.PHONE;
            return (
              <>
                <Grid size={{ xs: 12, sm: 6 }}>
                  <SelectInput
                    source="result"
                    label={label('result')}
                    choices={ENUM_CHOICES.contactResult.filter((choice) => results.has(choice.id))}
                    validate={[required(), recordRule('result')]}
                  />
                </Grid>
                <Grid size={{ xs: 12, sm: 6 }}>
                  <SelectInput
                    source="outcome"
                    label={label('outcome')}
                    choices={ENUM_CHOICES.contactOutcome}
                    validate={recordRule('outcome')}
                  />
                </Grid>
                {isPhone && (
                  <>
                    <Grid size={{ xs: 12, sm: 6 }}>
                      <TextInput
                        source="phoneNumber"
                        label={label('phoneNumber')}
                        helperText={label('phoneNumberHelp')}
                        slotProps={{ htmlInput: { inputMode: 'tel', autoComplete: 'off' } }}
                      />
                    </Grid>
                    <Grid size={{ xs: 12, sm: 6 }}>
                      <TextInput
                        source="recordingRef"
                        label={label('recordingRef')}
                        helperText={label('recordingRefHelp')}
                        validate={recordRule('recordingRef')}
                      />
                    </Grid>
                  </>
                )}
              </>
            );
          }}
        </FormDataConsumer>
        <Grid size={{ xs: 12, sm: 6 }}>
          <SelectInput
            source="attitude"
            label={label('attitude')}
            choices={ENUM_CHOICES.attitude}
          />
        </Grid>
        <Grid size={12}>
          <TextInput source="note" label={label('note')} multiline minRows={2} />
        </Grid>
      </Grid>
    </ActionDialog>
  );
};
