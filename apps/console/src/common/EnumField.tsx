import {
  RecordField,
  SelectField,
  type RecordFieldProps,
  type SelectFieldProps,
} from 'react-admin';

import { ENUM_CHOICES, type EnumName } from './enums';

export interface EnumFieldProps extends Omit<SelectFieldProps, 'choices'> {
  /** Which schema enum the value belongs to; its labels come from `enums.<enumName>`. */
  enumName: EnumName;
}

/** A schema enum value shown by its translated label. */
export const EnumField = ({ enumName, ...props }: EnumFieldProps) => (
  <SelectField {...props} choices={ENUM_CHOICES[enumName]} />
);

/** A labelled field of a record's page (`RecordField`) whose value is a schema enum. */
export const EnumRecordField = ({
  source,
  enumName,
  emptyText,
  ...props
}: Omit<RecordFieldProps, 'source' | 'children' | 'field' | 'render'> & {
  source: string;
  enumName: EnumName;
  /** Translation key shown when the record has no value. */
  emptyText?: string;
}) => (
  <RecordField source={source} {...props}>
    <EnumField source={source} enumName={enumName} {...(emptyText ? { emptyText } : {})} />
  </RecordField>
);
