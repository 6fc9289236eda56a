import { Card, Typography } from '@mui/material';
import { useState } from 'react';
import {
  CheckboxGroupInput,
  maxLength,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Title,
  Toolbar,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';

import { formErrors } from '../common/errors';
import { notifyError } from '../common/notifyError';
import type {
  ArrearsDataProvider,
  CreatedPartnerApp,
  CreatePartnerAppInput,
} from '../dataProvider/types';
import { ApiKeyDialog } from './ApiKeyDialog';
import { useScopeLabel } from './fields';
import { onScopesInput, SCOPE_CHOICES, type ScopeChoice } from './scopes';

const ScopeOption = ({ choice }: { choice: ScopeChoice }) => {
  const label = useScopeLabel();
  return (
    <span>
      {label(choice.id)}{' '}
      <Typography
        component="code"
        variant="caption"
        color="text.secondary"
        sx={{ fontFamily: 'monospace' }}
      >
        {choice.id}
      </Typography>
    </span>
  );
};

const CreateToolbar = () => (
  <Toolbar>
    <SaveButton label="partnerApps.create.save" />
  </Toolbar>
);

/**
 * A new partner app: a name and the scopes it is granted. Its API key comes back once, in a
 * dialog, and the list follows when it is closed. The request bypasses react-admin's cache
 * on purpose, so the key is not kept in memory as part of a record.
 */
const PartnerAppCreate = () => {
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [created, setCreated] = useState<{ name: string; apiKey: string } | null>(null);

  const save = async (values: Record<string, unknown>) => {
    const input: CreatePartnerAppInput = {
      name: typeof values.name === 'string' ? values.name.trim() : '',
      scopes: Array.isArray(values.scopes) ? values.scopes.map(String) : [],
    };
    try {
      const { data } = await dataProvider.create<CreatedPartnerApp>('partnerApps', {
        data: input,
      });
      notify('partnerApps.notifications.created', {
        type: 'success',
        messageArgs: { name: data.name },
      });
      setCreated({ name: data.name, apiKey: data.apiKey });
      return undefined;
    } catch (error) {
      const errors = formErrors(error);
      if (errors) return onScopesInput(errors);
      notifyError(notify, error);
      return undefined;
    }
  };

  return (
    <>
      <Title title={translate('partnerApps.create.title')} />
      <Card sx={{ mt: 2, maxWidth: 760 }}>
        <SimpleForm
          onSubmit={save}
          defaultValues={{ name: '', scopes: [] }}
          toolbar={<CreateToolbar />}
        >
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('partnerApps.create.hint')}
          </Typography>
          <TextInput source="name" validate={[required(), maxLength(120)]} fullWidth />
          <CheckboxGroupInput
            source="scopes"
            choices={SCOPE_CHOICES}
            optionText={(choice: ScopeChoice) => <ScopeOption choice={choice} />}
            row={false}
            validate={required('partnerApps.validation.scopes')}
          />
        </SimpleForm>
      </Card>
      <ApiKeyDialog
        appName={created?.name ?? ''}
        apiKey={created?.apiKey ?? null}
        onClose={() => {
          setCreated(null);
          redirect('list', 'partnerApps');
        }}
      />
    </>
  );
};

export default PartnerAppCreate;
