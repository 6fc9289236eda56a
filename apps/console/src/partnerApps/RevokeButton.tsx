import BlockIcon from '@mui/icons-material/Block';
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
import { notifyError } from '../users/notifyError';

/** Revokes a partner app for good: its key stops working and cannot be rotated again. */
export const RevokeButton = () => {
  const record = useRecordContext<PartnerAppRecord>();
  const { canAccess } = useCanAccess({ resource: 'partnerApps', action: 'revoke' });
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record || record.revokedAt || !canAccess) return null;

  const revoke = async () => {
    setPending(true);
    try {
      await dataProvider.revokePartnerApp(record.id);
      notify('partnerApps.notifications.revoked', {
        type: 'success',
        messageArgs: { name: record.name },
      });
      refresh();
    } catch (error) {
      notifyError(notify, error);
    } finally {
      setPending(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <Button label="partnerApps.actions.revoke" onClick={() => setConfirming(true)} color="error">
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={pending}
        title="partnerApps.revoke.title"
        content="partnerApps.revoke.content"
        confirm="partnerApps.revoke.confirm"
        confirmColor="warning"
        translateOptions={{ name: record.name }}
        onConfirm={() => void revoke()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
