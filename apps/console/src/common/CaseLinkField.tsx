import type { MouseEvent } from 'react';
import { Link, useCreatePath, useRecordContext, type FieldProps } from 'react-admin';

import type { CaseRef } from '../dataProvider/types';

/**
 * The case a record belongs to (`case: { id, loanNumber }`), as a link to the case page. The
 * record carries the loan number, so the link needs no request of its own; `source` names the
 * column (`case.loanNumber`) and is not read. Clicking it does not also click the row it sits in.
 */
export const CaseLinkField = (props: Omit<FieldProps, 'source'> & { source?: string }) => {
  const record = useRecordContext(props) as { case?: CaseRef | null } | undefined;
  const createPath = useCreatePath();
  const target = record?.case;
  if (!target?.id) return null;
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
