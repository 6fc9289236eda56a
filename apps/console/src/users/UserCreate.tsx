import {
  Create,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  minLength,
} from 'react-admin';

import { ENUM_CHOICES } from '../common/enums';
import { sessionInstitution } from '../common/institution';
import type { CreateUserInput } from '../dataProvider/types';

/** An admin adds a member of staff to their own institution and hands over the first password. */
const UserCreate = () => (
  <Create
    redirect="show"
    mutationMode="pessimistic"
    transform={(data: Omit<CreateUserInput, 'institutionId'>) => ({
      ...data,
      institutionId: sessionInstitution()?.id ?? '',
    })}
  >
    <SimpleForm>
      <TextInput source="email" validate={[required(), email()]} />
      <TextInput source="displayName" validate={required()} />
      <SelectInput source="role" choices={ENUM_CHOICES.role} validate={required()} />
      <PasswordInput
        source="password"
        validate={[required(), minLength(12)]}
        helperText="users.passwordHint"
      />
    </SimpleForm>
  </Create>
);

export default UserCreate;
