import LockIcon from '@mui/icons-material/Lock';
import { Box, Chip, Grid } from '@mui/material';
import {
  ArrayField,
  DataTable,
  NumberField,
  RecordField,
  Show,
  TextArrayField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { EnumField } from '../common/EnumField';
import { InstitutionDateTimeField } from '../common/InstitutionDateTimeField';
import { formatYuan } from '../common/money';
import { Section } from '../common/Section';
import type { BorrowerDetail, ThirdParty } from '../dataProvider/types';
import { BorrowerCases } from './BorrowerCases';
import { ContactConsentSection } from './ContactConsentSection';
import { RevealPiiButton } from './RevealPiiButton';

const Field = RecordField<BorrowerDetail>;
const ThirdPartyColumn = DataTable.Col<ThirdParty>;

/**
 * Passed as `meta` to `getOne`: react-admin seeds each `getOne` cache entry with the list's
 * (smaller) record under the same meta; a meta of its own makes this page wait for the full one.
 */
const DETAIL_QUERY = { meta: { selection: 'detail' } };

const BorrowerActions = () => (
  <TopToolbar>
    <RevealPiiButton />
  </TopToolbar>
);

/**
 * One borrower, masked: identity and contact details, address, finances, the recorded contact
 * consent, the people they named, and their cases. The clear national ID and phones are only
 * in the reveal dialog.
 */
export const BorrowerShow = () => (
  <Show queryOptions={DETAIL_QUERY} actions={<BorrowerActions />}>
    <BorrowerDetails />
  </Show>
);

const BorrowerDetails = () => {
  const record = useRecordContext<BorrowerDetail>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section
            title="borrowers.sections.identity"
            aside={
              <Chip
                size="small"
                icon={<LockIcon />}
                label={translate('borrowers.masked')}
                variant="outlined"
              />
            }
          >
            <Field source="fullName" />
            <Field source="nationalIdMasked" />
            <Field source="phonesMasked">
              <TextArrayField source="phonesMasked" />
            </Field>
            <Field source="emailMasked" empty="borrowers.empty.none" />
            <Field source="timeZone" empty="borrowers.empty.institutionZone" />
          </Section>
          <Section title="borrowers.sections.address">
            <Field source="address.province" />
            <Field source="address.city" />
            <Field source="address.district" />
            <Field source="address.detail" />
          </Section>
          <Section title="borrowers.sections.finances">
            <Field source="employer" empty="borrowers.empty.none" />
            <Field
              source="monthlyIncome"
              empty="borrowers.empty.none"
              render={(borrower) =>
                borrower.monthlyIncome === null ? null : formatYuan(borrower.monthlyIncome)
              }
            />
            <Field source="creditScore" empty="borrowers.empty.none">
              <NumberField source="creditScore" emptyText="borrowers.empty.none" />
            </Field>
            <Field source="createdAt" field={InstitutionDateTimeField} />
            <Field source="updatedAt" field={InstitutionDateTimeField} />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title="borrowers.sections.consent">
            <ContactConsentSection />
          </Section>
          <Section
            title="borrowers.sections.thirdParties"
            empty={record.thirdParties.length === 0 ? 'borrowers.empty.thirdParties' : undefined}
          >
            <ArrayField source="thirdParties">
              <DataTable bulkActionButtons={false} rowClick={false} data-testid="third-parties">
                <ThirdPartyColumn
                  source="fullName"
                  label="borrowers.thirdParties.fullName"
                  disableSort
                />
                <ThirdPartyColumn
                  source="relation"
                  label="borrowers.thirdParties.relation"
                  disableSort
                >
                  <EnumField source="relation" enumName="thirdPartyRelation" />
                </ThirdPartyColumn>
                <ThirdPartyColumn
                  source="phoneMasked"
                  label="borrowers.thirdParties.phoneMasked"
                  disableSort
                />
                <ThirdPartyColumn
                  source="debtRelated"
                  label="borrowers.thirdParties.debtRelated"
                  disableSort
                  render={(party) =>
                    translate(party.debtRelated ? 'borrowers.yes' : 'borrowers.no')
                  }
                />
                <ThirdPartyColumn
                  source="refusedContact"
                  label="borrowers.thirdParties.refusedContact"
                  disableSort
                  render={(party) =>
                    party.refusedContact ? (
                      <Chip
                        size="small"
                        color="warning"
                        label={translate('borrowers.thirdParties.refused')}
                      />
                    ) : (
                      translate('borrowers.no')
                    )
                  }
                />
              </DataTable>
            </ArrayField>
          </Section>
        </Grid>
        <Grid size={12}>
          <Section title="borrowers.sections.cases">
            <BorrowerCases />
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
};

export default BorrowerShow;
