import { Chip, Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

import { CodeText } from '../common/CodeText';
import { isAuditEntityType, splitAction } from './actions';
import { shortId } from './ActorField';

type SourceProps = Omit<FieldProps, 'source'> & { source: string };

/** "案件 · 更新" for `case.update`, with the action code in the tooltip; unknown codes as they are. */
export const useActionLabel = () => {
  const translate = useTranslate();
  return (action: string): string => {
    const parts = splitAction(action);
    if (!parts) return action;
    return `${translate(`audit.entityTypes.${parts.entityType}`)} · ${translate(`audit.verbs.${parts.verb}`)}`;
  };
};

export const ActionField = ({ source = 'action', ...props }: Partial<SourceProps>) => {
  const value = useFieldValue({ ...props, source });
  const label = useActionLabel();
  if (typeof value !== 'string') return null;
  const verb = splitAction(value)?.verb;
  return (
    <Chip
      size="small"
      variant="outlined"
      title={value}
      label={label(value)}
      color={
        verb === 'delete'
          ? 'error'
          : verb === 'revealPii'
            ? 'warning'
            : verb === 'create'
              ? 'success'
              : 'default'
      }
    />
  );
};

/** An entity type by its translated name, the API's class name in the tooltip. */
export const EntityTypeField = ({ source = 'entityType', ...props }: Partial<SourceProps>) => {
  const value = useFieldValue({ ...props, source });
  const translate = useTranslate();
  if (typeof value !== 'string') return null;
  return (
    <Typography component="span" variant="body2" title={value}>
      {isAuditEntityType(value) ? translate(`audit.entityTypes.${value}`) : value}
    </Typography>
  );
};

/** A long id (uuid, request id) shortened, in a monospace font, whole in the tooltip. */
export const ShortIdField = ({ source, ...props }: SourceProps) => {
  const value = useFieldValue({ ...props, source });
  if (typeof value !== 'string' || !value) return null;
  return <CodeText title={value}>{shortId(value)}</CodeText>;
};

/** A hash or id in full, monospace, breaking anywhere so it fits its column. */
export const CodeField = ({ source, ...props }: SourceProps) => {
  const value = useFieldValue({ ...props, source });
  const translate = useTranslate();
  if (typeof value !== 'string' || !value) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('audit.empty.none')}
      </Typography>
    );
  }
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
    >
      {value}
    </Typography>
  );
};
