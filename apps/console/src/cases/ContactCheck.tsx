import type { PolicyChannel } from '@arrears/domain';
import { Alert, AlertTitle, Box, CircularProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';

import { PolicyReasons } from '../common/PolicyRefusal';
import type { ArrearsDataProvider, CaseDetail, ContactDecision } from '../dataProvider/types';
import { ContactabilityChips } from './ContactabilityChips';
import { messageOf } from './policy';
import { fromZonedWall } from './zonedTime';

/** The check waits for the user to stop typing this long before asking the API. */
const DEBOUNCE_MS = 350;

export interface ContactCheckProps {
  record: CaseDetail;
  channel: PolicyChannel | undefined;
  /** A third party's id; the borrower when empty. */
  personId: string | undefined;
  /** The contact's time as typed (a wall time in the institution's zone); now when empty. */
  at: string | undefined;
  phoneNumber: string | undefined;
  /** Inbound contacts (the borrower calling in) are not judged by the policy. */
  inbound: boolean;
}

type CheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; decision: ContactDecision }
  | { status: 'failed'; error: string };

/**
 * What the collection policy says before a contact is logged: the case's contactability per
 * channel now, and the decision for the channel, person and time filled in (the API's
 * `canContact`, the same check `logContact` makes).
 */
export const ContactCheck = ({
  record,
  channel,
  personId,
  at,
  phoneNumber,
  inbound,
}: ContactCheckProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const timeZone = record.institution.timeZone;
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  const instant = at ? fromZonedWall(at, timeZone) : undefined;
  const number = phoneNumber?.trim() || undefined;

  useEffect(() => {
    if (!channel || inbound || (at && !instant)) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'checking' });
    const timer = setTimeout(() => {
      dataProvider
        .canContact(
          {
            caseId: record.id,
            channel,
            personId: personId || null,
            at: instant ?? null,
            phoneNumber: number ?? null,
          },
          { signal: controller.signal },
        )
        .then((decision) => setState({ status: 'done', decision }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setState({ status: 'failed', error: messageOf(error) });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [dataProvider, record.id, channel, personId, at, instant, number, inbound]);

  const person = personId
    ? (record.borrower.thirdParties.find((third) => third.id === personId)?.fullName ?? '')
    : record.borrower.fullName;
  const channelLabel = channel ? translate(`enums.policyChannel.${channel}`) : '';

  return (
    <Box sx={{ mb: 2 }} data-testid="contact-check">
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.5 }}>
        {translate('resources.cases.policy.preview')}
      </Typography>
      <ContactabilityChips contactability={record.contactability} timeZone={timeZone} />
      <Box sx={{ mt: 1.5 }} aria-live="polite">
        {inbound ? (
          <Alert severity="info">{translate('resources.cases.policy.inboundNotChecked')}</Alert>
        ) : state.status === 'checking' ? (
          <Alert severity="info" icon={<CircularProgress size={18} />}>
            {translate('resources.cases.policy.checking')}
          </Alert>
        ) : state.status === 'failed' ? (
          <Alert severity="warning">
            {translate('resources.cases.policy.checkFailed', { error: state.error })}
          </Alert>
        ) : state.status === 'done' ? (
          state.decision.allowed ? (
            <Alert severity="success" data-testid="contact-decision" data-allowed="true">
              {translate('resources.cases.policy.decisionAllowed', {
                channel: channelLabel,
                person,
              })}
            </Alert>
          ) : (
            <Alert severity="error" data-testid="contact-decision" data-allowed="false">
              <AlertTitle>
                {translate('resources.cases.policy.decisionRefused', {
                  channel: channelLabel,
                  person,
                })}
              </AlertTitle>
              <PolicyReasons
                reasons={state.decision.reasons}
                nextAllowedAt={state.decision.nextAllowedAt}
                timeZone={timeZone}
              />
            </Alert>
          )
        ) : null}
      </Box>
    </Box>
  );
};
