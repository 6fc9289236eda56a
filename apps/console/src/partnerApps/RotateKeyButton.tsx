import KeyIcon from '@mui/icons-material/Key';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';

import type { ArrearsDataProvider } from '../dataProvider/types';
import { ApiKeyDialog } from './ApiKeyDialog';
import { PartnerAppAction } from './PartnerAppAction';

/** Issues a new key (the old one stops working at once) and shows it this once. */
export const RotateKeyButton = () => {
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [apiKey, setApiKey] = useState<string | null>(null);
  return (
    <PartnerAppAction
      action="rotate"
      icon={<KeyIcon />}
      run={async (record) => {
        const { apiKey: key } = await dataProvider.rotatePartnerAppKey(record.id);
        setApiKey(key);
        notify('partnerApps.notifications.rotated', {
          type: 'success',
          messageArgs: { name: record.name },
        });
      }}
    >
      {(record) => (
        <ApiKeyDialog
          appName={record.name}
          apiKey={apiKey}
          onClose={() => {
            setApiKey(null);
            refresh();
          }}
        />
      )}
    </PartnerAppAction>
  );
};
