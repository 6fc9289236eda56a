import { HoldKind } from '@arrears/domain';
import {
  FormDataConsumer,
  required,
  SelectInput,
  TextInput,
  useCreate,
  useUpdate,
} from 'react-admin';

import { ENUM_CHOICES } from '../common/enums';
import type { HoldRecord, PlaceHoldInput } from '../dataProvider/types';
import { ActionDialog, type CaseDialogProps } from './ActionDialog';
import { formLabel as label } from './inputs';

/** Hardship holds come with a hardship plan; the others can be placed by hand. */
const KINDS_BY_HAND = ENUM_CHOICES.holdKind.filter(({ id }) => id !== HoldKind.HARDSHIP_PLAN);

/**
 * Stops collection on the case: a dispute or complaint heard on a call, or the borrower's
 * request to stop one channel (停止渠道联系).
 */
export const PlaceHoldDialog = ({ record, open, onClose }: CaseDialogProps) => {
  const [create] = useCreate();
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title="resources.cases.actions.placeHold"
      success="resources.cases.notifications.holdPlaced"
      timeZone={record.institution.timeZone}
      defaultValues={{ kind: HoldKind.DISPUTE, channel: '', reason: '' }}
      onSubmit={(values) => {
        const kind = values.kind as PlaceHoldInput['kind'];
        const data: PlaceHoldInput = {
          caseId: record.id,
          kind,
          channel:
            kind === HoldKind.CEASE_CHANNEL ? (values.channel as PlaceHoldInput['channel']) : null,
          reason: String(values.reason ?? '').trim(),
        };
        return create('holds', { data }, { returnPromise: true });
      }}
    >
      <SelectInput
        source="kind"
        label={label('holdKind')}
        choices={KINDS_BY_HAND}
        validate={required()}
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind === HoldKind.CEASE_CHANNEL && (
            <SelectInput
              source="channel"
              label={label('holdChannel')}
              choices={ENUM_CHOICES.policyChannel}
              validate={required('resources.cases.validation.holdChannel')}
            />
          )
        }
      </FormDataConsumer>
      <TextInput
        source="reason"
        label={label('holdReason')}
        helperText={label('holdReasonHelp')}
        validate={required()}
        multiline
        minRows={2}
      />
    </ActionDialog>
  );
};

/** Lifts a hold placed by hand, with a note for the record. */
export const ReleaseHoldDialog = ({
  record,
  hold,
  open,
  onClose,
}: CaseDialogProps & { hold: HoldRecord }) => {
  const [update] = useUpdate();
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title="resources.cases.actions.releaseHold"
      success="resources.cases.notifications.holdReleased"
      timeZone={record.institution.timeZone}
      defaultValues={{ releaseNote: '' }}
      onSubmit={(values) =>
        update(
          'holds',
          {
            id: hold.id,
            data: { releaseNote: String(values.releaseNote ?? '').trim() },
            previousData: hold,
          },
          { mutationMode: 'pessimistic', returnPromise: true },
        )
      }
    >
      <TextInput
        source="releaseNote"
        label={label('releaseNote')}
        validate={required()}
        multiline
        minRows={2}
      />
    </ActionDialog>
  );
};
