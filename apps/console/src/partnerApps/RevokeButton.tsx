import BlockIcon from '@mui/icons-material/Block';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';

import type { ArrearsDataProvider } from '../dataProvider/types';
import { PartnerAppAction } from './PartnerAppAction';

/** Revokes a partner app for good: its key stops working and cannot be rotated again. */
export const RevokeButton = () => {
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <PartnerAppAction
      action="revoke"
      icon={<BlockIcon />}
      color="error"
      run={async (record) => {
        await dataProvider.revokePartnerApp(record.id);
        notify('partnerApps.notifications.revoked', {
          type: 'success',
          messageArgs: { name: record.name },
        });
        refresh();
      }}
    />
  );
};
