import type { MouseEvent } from 'react';
import { Link, useCreatePath, useFieldValue, type FieldProps } from 'react-admin';

import type { CaseRef } from '../dataProvider/types';

/**
 * The case a record belongs to (`case: { id, loanNumber }`), as a link to the case page.
 * Clicking it does not also click the row it sits in.
 */
export const CaseLinkField = ({
  source = 'case',
  ...props
}: Omit<FieldProps, 'source'> & { source?: string }) => {
  const ref = useFieldValue({ ...props, source }) as CaseRef | null | undefined;
  const createPath = useCreatePath();
  if (!ref?.id) return null;
  return (
    <Link
      to={createPath({ resource: 'cases', id: ref.id, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {ref.loanNumber}
    </Link>
  );
};
