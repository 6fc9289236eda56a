import ExpandLessIcon from '@mui/icons-material/KeyboardArrowUp';
import ExpandMoreIcon from '@mui/icons-material/KeyboardArrowDown';
import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  Box,
  Card,
  Chip,
  Collapse,
  Grid,
  IconButton,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { Fragment, useEffect, useState, type MouseEvent } from 'react';
import {
  Button,
  Link,
  Title,
  useCreatePath,
  useDataProvider,
  useNavigate,
  useTranslate,
} from 'react-admin';

import { useFormatTime } from '../cases/hooks';
import { messageOf } from '../cases/policy';
import { PriorityFactors } from '../cases/PriorityFactors';
import { formatYuan } from '../common/money';
import { PolicyReasons } from '../common/PolicyRefusal';
import type { ArrearsDataProvider, WorklistItem } from '../dataProvider/types';

const PER_PAGE_OPTIONS = [10, 25, 50, 100];

/** react-admin's own (translated) labels for the pagination buttons. */
const PAGE_LABELS = {
  first: 'ra.navigation.first',
  previous: 'ra.navigation.previous',
  next: 'ra.navigation.next',
  last: 'ra.navigation.last',
} as const;

type Load =
  | { status: 'loading'; items?: WorklistItem[]; total?: number }
  | { status: 'done'; items: WorklistItem[]; total: number }
  | { status: 'failed'; error: string };

/** The signed-in collector's worklist, one page at a time; `reload` asks again. */
const useWorklist = (page: number, perPage: number) => {
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const [state, setState] = useState<Load>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) =>
      previous.status === 'done'
        ? { status: 'loading', items: previous.items, total: previous.total }
        : { status: 'loading' },
    );
    dataProvider
      .myWorklist({ pagination: { page: page + 1, perPage } }, { signal: controller.signal })
      .then(({ data, total }) => setState({ status: 'done', items: data, total }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error: messageOf(error) });
      });
    return () => controller.abort();
  }, [dataProvider, page, perPage, version]);
  return { state, reload: () => setVersion((v) => v + 1) };
};

const scoreColor = (score: number) => (score >= 70 ? 'error' : score >= 40 ? 'warning' : 'default');

/**
 * The collector's worklist (`/worklist`): their open cases in priority order with the score,
 * what makes it (on hover, or expanded under the row), and the next action the collection
 * policy allows and when, in the case's institution's time zone.
 */
const WorklistPage = () => {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const { state, reload } = useWorklist(page, perPage);
  const items = state.status === 'failed' ? [] : (state.items ?? []);
  const total = state.status === 'failed' ? 0 : (state.total ?? 0);

  return (
    <Box sx={{ mt: 2 }} data-testid="worklist">
      <Title title="worklist.title" />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('worklist.subtitle')}
        </Typography>
        <Button label="worklist.refresh" onClick={reload} disabled={state.status === 'loading'}>
          <RefreshIcon />
        </Button>
      </Stack>
      <Card variant="outlined">
        {state.status === 'loading' && <LinearProgress />}
        {state.status === 'failed' && (
          <Alert severity="error" sx={{ m: 2 }}>
            {translate('worklist.loadFailed', { error: state.error })}
          </Alert>
        )}
        <TableContainer>
          <Table size="small" aria-label={translate('worklist.title')}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell>{translate('worklist.columns.score')}</TableCell>
                <TableCell>{translate('worklist.columns.loanNumber')}</TableCell>
                <TableCell>{translate('worklist.columns.borrower')}</TableCell>
                <TableCell align="right">{translate('worklist.columns.dpd')}</TableCell>
                <TableCell>{translate('worklist.columns.bucket')}</TableCell>
                <TableCell align="right">{translate('worklist.columns.outstanding')}</TableCell>
                <TableCell>{translate('worklist.columns.status')}</TableCell>
                <TableCell>{translate('worklist.columns.nextAction')}</TableCell>
                <TableCell>{translate('worklist.columns.when')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => (
                <WorklistRow key={item.id} item={item} />
              ))}
              {state.status === 'done' && items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={10}>
                    <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
                      {translate('worklist.empty')}
                    </Typography>
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination
          component="div"
          count={total}
          page={total === 0 ? 0 : page}
          rowsPerPage={perPage}
          rowsPerPageOptions={PER_PAGE_OPTIONS}
          onPageChange={(_event, next) => setPage(next)}
          onRowsPerPageChange={(event) => {
            setPerPage(Number(event.target.value));
            setPage(0);
          }}
          labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
          labelDisplayedRows={({ from, to, count }) =>
            translate('ra.navigation.page_range_info', {
              offsetBegin: from,
              offsetEnd: to,
              total: count,
            })
          }
          getItemAriaLabel={(type) => translate(PAGE_LABELS[type])}
        />
      </Card>
    </Box>
  );
};

export default WorklistPage;

const WorklistRow = ({ item }: { item: WorklistItem }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const [open, setOpen] = useState(false);
  const { case: row, nextAction, priority } = item;
  const timeZone = row.institution.timeZone;
  const formatTime = useFormatTime(timeZone);
  const path = createPath({ resource: 'cases', id: row.id, type: 'show' });
  const when = nextAction.allowed
    ? translate('worklist.now')
    : nextAction.at
      ? translate('worklist.from', { time: formatTime(nextAction.at) })
      : translate('worklist.blocked');

  return (
    <Fragment>
      <TableRow
        hover
        onClick={() => navigate(path)}
        sx={{ cursor: 'pointer', '& > td': { borderBottom: open ? 'none' : undefined } }}
        data-testid="worklist-row"
        data-case-id={row.id}
      >
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-expanded={open}
            aria-label={translate(open ? 'worklist.hideFactors' : 'worklist.showFactors')}
            onClick={(event) => {
              event.stopPropagation();
              setOpen(!open);
            }}
          >
            {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          <Tooltip
            title={
              <Box sx={{ minWidth: 220, py: 0.5 }}>
                <Typography variant="subtitle2" sx={{ mb: 1 }}>
                  {translate('worklist.factorsTitle')}
                </Typography>
                <PriorityFactors priority={priority} />
              </Box>
            }
          >
            <Chip
              size="small"
              color={scoreColor(priority.score)}
              label={priority.score}
              sx={{ minWidth: 40, fontVariantNumeric: 'tabular-nums' }}
            />
          </Tooltip>
        </TableCell>
        <TableCell>
          <Link to={path} onClick={(event: MouseEvent) => event.stopPropagation()}>
            {row.loanNumber}
          </Link>
        </TableCell>
        <TableCell>{row.borrower.fullName}</TableCell>
        <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {row.dpd}
        </TableCell>
        <TableCell>{translate(`enums.bucket.${row.bucket}`)}</TableCell>
        <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {formatYuan(row.outstandingAmount)}
        </TableCell>
        <TableCell>{translate(`enums.caseStatus.${row.status}`)}</TableCell>
        <TableCell>
          <Chip
            size="small"
            variant={nextAction.allowed ? 'filled' : 'outlined'}
            color={nextAction.allowed ? 'success' : 'default'}
            label={translate(`enums.nextActionKind.${nextAction.kind}`)}
          />
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }} title={timeZone}>
          <Typography
            variant="body2"
            color={nextAction.allowed ? 'success.main' : 'text.secondary'}
          >
            {when}
          </Typography>
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={10} sx={{ py: 0 }}>
          <Collapse in={open} timeout="auto" unmountOnExit>
            <Grid container spacing={3} sx={{ py: 2 }}>
              <Grid size={{ xs: 12, md: 6 }}>
                <Typography variant="subtitle2" sx={{ mb: 1 }}>
                  {translate('worklist.factorsTitle')}
                </Typography>
                <PriorityFactors priority={priority} />
                <Stack spacing={0.5} sx={{ mt: 1 }}>
                  {priority.factors.map((factor) => (
                    <Typography
                      key={factor.code}
                      variant="caption"
                      color="text.secondary"
                      lang="en"
                    >
                      {factor.explanation}
                    </Typography>
                  ))}
                </Stack>
              </Grid>
              {!nextAction.allowed && (
                <Grid size={{ xs: 12, md: 6 }}>
                  <Typography variant="subtitle2" sx={{ mb: 1 }}>
                    {translate('worklist.reasonsTitle')}
                  </Typography>
                  <PolicyReasons
                    reasons={nextAction.reasons}
                    nextAllowedAt={nextAction.at}
                    timeZone={timeZone}
                  />
                </Grid>
              )}
            </Grid>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
};
