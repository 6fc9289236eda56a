import type { MouseEvent } from 'react';
import { Link, useCreatePath, useRecordContext, type FieldProps } from 'react-admin';

interface WithCase {
  case?: { id: string; loanNumber: string } | null;
}

/**
 * The record's case (`case.id`, `case.loanNumber`) as a link to the case page. The record
 * carries the loan number, so the link needs no request of its own.
 */
export const CaseLinkField = (props: FieldProps) => {
  const record = useRecordContext(props) as WithCase | undefined;
  const createPath = useCreatePath();
  const target = record?.case;
  if (!target) return null;
  return (
    <Link
      to={createPath({ resource: 'cases', id: target.id, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {target.loanNumber}
    </Link>
  );
};
