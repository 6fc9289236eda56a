import { SelectField, type SelectFieldProps } from 'react-admin';

import { ENUM_CHOICES, type EnumName } from './enums';

export interface EnumFieldProps extends Omit<SelectFieldProps, 'choices'> {
  /** Which schema enum the value belongs to; its labels come from `enums.<enumName>`. */
  enumName: EnumName;
}

/** A schema enum value shown by its translated label. */
export const EnumField = ({ enumName, ...props }: EnumFieldProps) => (
  <SelectField {...props} choices={ENUM_CHOICES[enumName]} />
);
