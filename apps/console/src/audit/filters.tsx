import { useMemo } from 'react';
import {
  AutocompleteInput,
  DateInput,
  SelectInput,
  TextInput,
  useGetList,
  useTranslate,
  type AutocompleteInputProps,
  type DateInputProps,
} from 'react-admin';

import { useInstitutionTimeZone } from '../common/institution';
import { MAX_PAGE_SIZE } from '../dataProvider';
import type { UserRecord } from '../dataProvider/types';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './actions';
import { userActor } from './actor';
import { formatFromDay, formatToDay, parseFromDay, parseToDay } from './dayRange';
import { useActionLabel } from './fields';

/** Who did it: the institution's users by name, or the system, or someone not signed in. */
const ActorInput = (props: Omit<AutocompleteInputProps, 'choices'>) => {
  const translate = useTranslate();
  const { data: users } = useGetList<UserRecord>('users', {
    pagination: { page: 1, perPage: MAX_PAGE_SIZE },
  });
  const choices = useMemo(
    () => [
      ...(users ?? []).map((user) => ({ id: userActor(user.id), name: user.displayName })),
      { id: 'system', name: translate('audit.actor.system') },
      { id: 'anonymous', name: translate('audit.actor.anonymous') },
    ],
    [users, translate],
  );
  return <AutocompleteInput {...props} choices={choices} translateChoice={false} />;
};

/** The action, by entity and verb ("案件 · 更新"); the API matches it exactly. */
const ActionInput = (props: Omit<AutocompleteInputProps, 'choices'>) => {
  const label = useActionLabel();
  const choices = useMemo(
    () => AUDIT_ACTIONS.map((action) => ({ id: action, name: `${label(action)} (${action})` })),
    [label],
  );
  return <AutocompleteInput {...props} choices={choices} translateChoice={false} />;
};

/** From this day on, the institution's local day. */
const FromDayInput = (props: DateInputProps) => {
  const zone = useInstitutionTimeZone();
  return (
    <DateInput
      {...props}
      parse={(value: unknown) => parseFromDay(value, zone)}
      format={(value: unknown) => formatFromDay(value, zone)}
    />
  );
};

/** Up to and including this day, the institution's local day. */
const ToDayInput = (props: DateInputProps) => {
  const zone = useInstitutionTimeZone();
  return (
    <DateInput
      {...props}
      parse={(value: unknown) => parseToDay(value, zone)}
      format={(value: unknown) => formatToDay(value, zone)}
    />
  );
};

const ENTITY_TYPE_CHOICES = AUDIT_ENTITY_TYPES.map((type) => ({
  id: type,
  name: `audit.entityTypes.${type}`,
}));

/** Each `source` is a field of the API's `AuditEventFilter`. */
export const auditFilters = [
  <SelectInput key="entityType" source="entityType" choices={ENTITY_TYPE_CHOICES} alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <ActorInput key="actor" source="actor" alwaysOn sx={{ minWidth: 200 }} />,
  <ActionInput key="action" source="action" sx={{ minWidth: 260 }} />,
  <FromDayInput key="from" source="from" alwaysOn />,
  <ToDayInput key="to" source="to" alwaysOn />,
];
