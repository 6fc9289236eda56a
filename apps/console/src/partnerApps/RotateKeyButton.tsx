import KeyIcon from '@mui/icons-material/Key';
import { useState } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';

import type { ArrearsDataProvider, PartnerAppRecord } from '../dataProvider/types';
import { ApiKeyDialog } from './ApiKeyDialog';
import { notifyError } from '../users/notifyError';

/** Issues a new key (the old one stops working at once) and shows it this once. */
export const RotateKeyButton = () => {
  const record = useRecordContext<PartnerAppRecord>();
  const { canAccess } = useCanAccess({ resource: 'partnerApps', action: 'rotate' });
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [apiKey, setApiKey] = useState<string | null>(null);
  if (!record || record.revokedAt || !canAccess) return null;

  const rotate = async () => {
    setPending(true);
    try {
      const { apiKey: key } = await dataProvider.rotatePartnerAppKey(record.id);
      setConfirming(false);
      setApiKey(key);
      notify('partnerApps.notifications.rotated', {
        type: 'success',
        messageArgs: { name: record.name },
      });
    } catch (error) {
      setConfirming(false);
      notifyError(notify, error);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="partnerApps.actions.rotate" onClick={() => setConfirming(true)}>
        <KeyIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={pending}
        title="partnerApps.rotate.title"
        content="partnerApps.rotate.content"
        confirm="partnerApps.rotate.confirm"
        confirmColor="warning"
        translateOptions={{ name: record.name }}
        onConfirm={() => void rotate()}
        onClose={() => setConfirming(false)}
      />
      <ApiKeyDialog
        appName={record.name}
        apiKey={apiKey}
        onClose={() => {
          setApiKey(null);
          refresh();
        }}
      />
    </>
  );
};
