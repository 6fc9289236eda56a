import MoreIcon from '@mui/icons-material/MoreVert';
import {
  Button,
  IconButton,
  ListItemIcon,
  ListItemText,
  Menu,
  MenuItem,
  Stack,
  Tooltip,
} from '@mui/material';
import { Permission } from '@arrears/domain';
import { createElement, useId, useState, type MouseEvent } from 'react';
import { useRefresh, useTranslate } from 'react-admin';

import { useCan } from '../common/useCan';
import type { VisitRecord } from '../dataProvider/types';
import { actionsFor, type VisitAction } from './agenda';
import { ACTION_DIALOGS, ACTION_ICONS } from './VisitActionDialogs';

export interface VisitActionsProps {
  visit: VisitRecord;
  /** `buttons` on a page or a wide card, `menu` (one "actions" button) on a narrow card. */
  variant?: 'buttons' | 'menu';
  /** Called after an action succeeded, with the API's visit (for a reschedule, the new one). */
  onDone?: (visit: VisitRecord, action: VisitAction) => void;
}

/**
 * The status actions a visit offers now (confirm, check in, complete, no-show, reschedule,
 * cancel), each in its dialog, for users who may write visits. After an action the page's
 * data is refreshed.
 */
export const VisitActions = ({ visit, variant = 'buttons', onDone }: VisitActionsProps) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const mayWrite = useCan()(Permission.VISITS_WRITE);
  const [open, setOpen] = useState<VisitAction | null>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const actions = actionsFor(visit.status);
  if (!mayWrite || actions.length === 0) return null;

  const start = (action: VisitAction) => (event: MouseEvent) => {
    // Cards and rows link to the visit: an action does not follow the link.
    event.stopPropagation();
    setAnchor(null);
    setOpen(action);
  };

  // The dialog is portalled, but React still bubbles its events to the card or row around the
  // actions: they stop here.
  const dialog = open ? (
    <span onClick={(event) => event.stopPropagation()}>
      {createElement(ACTION_DIALOGS[open], {
        visit,
        open: true,
        onClose: () => setOpen(null),
        onDone: (updated: VisitRecord) => {
          const action = open;
          setOpen(null);
          refresh();
          onDone?.(updated, action);
        },
      })}
    </span>
  ) : null;

  if (variant === 'menu') {
    const label = translate('visits.actions.menu');
    return (
      <>
        <Tooltip title={label}>
          <IconButton
            size="small"
            aria-label={label}
            aria-haspopup="menu"
            aria-controls={anchor ? menuId : undefined}
            onClick={(event) => {
              event.stopPropagation();
              setAnchor(event.currentTarget);
            }}
          >
            <MoreIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Menu
          id={menuId}
          anchorEl={anchor}
          open={anchor !== null}
          onClose={() => setAnchor(null)}
          onClick={(event) => event.stopPropagation()}
        >
          {actions.map((action) => (
            <MenuItem key={action} onClick={start(action)}>
              <ListItemIcon>{ACTION_ICONS[action]}</ListItemIcon>
              <ListItemText>{translate(`visits.actions.${action}`)}</ListItemText>
            </MenuItem>
          ))}
        </Menu>
        {dialog}
      </>
    );
  }

  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {actions.map((action) => (
          <Button
            key={action}
            size="small"
            variant={action === 'cancel' ? 'text' : 'outlined'}
            color={action === 'cancel' || action === 'noShow' ? 'warning' : 'primary'}
            startIcon={ACTION_ICONS[action]}
            onClick={start(action)}
          >
            {translate(`visits.actions.${action}`)}
          </Button>
        ))}
      </Stack>
      {dialog}
    </>
  );
};
