import { useState, type ReactElement, type ReactNode } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useNotify,
  useRecordContext,
  type ButtonProps,
} from 'react-admin';

import { notifyError } from '../common/notifyError';
import type { PartnerAppRecord } from '../dataProvider/types';

/**
 * A partner app's row action, asked for once more before it runs (`partnerApps.actions.<action>`
 * on the button, `partnerApps.<action>.*` in the confirmation). Shown to roles that may, for apps
 * not yet revoked. `run` does it and says so; a failure is notified here. `children` renders
 * what the action shows afterwards.
 */
export const PartnerAppAction = ({
  action,
  icon,
  color,
  run,
  children,
}: {
  action: 'revoke' | 'rotate';
  icon: ReactElement;
  color?: ButtonProps['color'];
  run: (record: PartnerAppRecord) => Promise<void>;
  children?: (record: PartnerAppRecord) => ReactNode;
}) => {
  const record = useRecordContext<PartnerAppRecord>();
  const { canAccess } = useCanAccess({ resource: 'partnerApps', action });
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record || record.revokedAt || !canAccess) return null;

  const confirm = async () => {
    setPending(true);
    try {
      await run(record);
    } catch (error) {
      notifyError(notify, error);
    } finally {
      setPending(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <Button
        label={`partnerApps.actions.${action}`}
        onClick={() => setConfirming(true)}
        {...(color ? { color } : {})}
      >
        {icon}
      </Button>
      <Confirm
        isOpen={confirming}
        loading={pending}
        title={`partnerApps.${action}.title`}
        content={`partnerApps.${action}.content`}
        confirm={`partnerApps.${action}.confirm`}
        confirmColor="warning"
        translateOptions={{ name: record.name }}
        onConfirm={() => void confirm()}
        onClose={() => setConfirming(false)}
      />
      {children?.(record)}
    </>
  );
};
