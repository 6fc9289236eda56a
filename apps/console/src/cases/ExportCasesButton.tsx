import DownloadIcon from '@mui/icons-material/GetApp';
import { useState } from 'react';
import {
  Button,
  downloadCSV,
  useDataProvider,
  useListContext,
  useNotify,
  useTranslate,
} from 'react-admin';

import { MAX_PAGE_SIZE } from '../dataProvider';
import type { CaseListItem } from '../dataProvider/types';
import { casesCsv, exportFileName } from './caseExport';
import { messageOf } from './policy';

/** More than this many rows is a report, not an export of the screen. */
export const MAX_EXPORT_ROWS = 5000;

/**
 * Exports the filtered, sorted case list as CSV (`casesCsv`: masked names, decimal amounts,
 * zoned times). The API pages at most 100 rows, so the export reads the list page by page.
 */
export const ExportCasesButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const { filterValues, sort, total } = useListContext<CaseListItem>();
  const [busy, setBusy] = useState(false);

  const exportCases = async () => {
    if (!total) {
      notify('resources.cases.list.exportEmpty', { type: 'info' });
      return;
    }
    if (total > MAX_EXPORT_ROWS) {
      notify('resources.cases.list.exportTooMany', {
        type: 'warning',
        messageArgs: { max: MAX_EXPORT_ROWS },
      });
      return;
    }
    setBusy(true);
    try {
      const records: CaseListItem[] = [];
      for (let page = 1; (page - 1) * MAX_PAGE_SIZE < total; page++) {
        const { data } = await dataProvider.getList<CaseListItem>('cases', {
          filter: filterValues,
          sort,
          pagination: { page, perPage: MAX_PAGE_SIZE },
        });
        records.push(...data);
        if (data.length < MAX_PAGE_SIZE) break;
      }
      downloadCSV(casesCsv(records, translate), exportFileName('cases'));
      notify('resources.cases.list.exportDone', {
        type: 'success',
        messageArgs: { smart_count: records.length },
      });
    } catch (error) {
      notify('resources.cases.list.exportFailed', {
        type: 'error',
        messageArgs: { error: messageOf(error) },
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="resources.cases.list.export" onClick={exportCases} disabled={busy || !total}>
      <DownloadIcon />
    </Button>
  );
};
