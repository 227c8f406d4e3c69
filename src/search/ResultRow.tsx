// One search result as a table row: plain cells styled once by the table (RESULT_STYLES), memoised
// so that a keystroke re-renders only the rows whose delivery or selection changed.
import { memo } from 'react'
import TableRow from '@mui/material/TableRow'
import Tooltip from '@mui/material/Tooltip'
import type { Theme } from '@mui/material/styles'
import LockOutlinedIcon from '@mui/icons-material/LockOutlined'
import NoPhotographyOutlinedIcon from '@mui/icons-material/NoPhotographyOutlined'
import PhotoCameraOutlinedIcon from '@mui/icons-material/PhotoCameraOutlined'
import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined'
import WrongLocationOutlinedIcon from '@mui/icons-material/WrongLocationOutlined'
import FolderOpenOutlinedIcon from '@mui/icons-material/FolderOpenOutlined'
import type { TFunction } from 'i18next'
import type { SearchResult } from '../../electron/core/api/definition.ts'
import { routeHref } from '../navigation/route.ts'
import { withheldReasonText } from '../delivery/labels.ts'
import { formatDateTime } from '../format/time.ts'
import { STATUS_LABELS } from '../words/caseWords.ts'

export type RowActions = {
  open: (index: number, deliveryId: string) => void
  focus: (index: number) => void
}

export type RowProps = {
  result: SearchResult
  index: number
  selected: boolean
  actions: RowActions
  /** The search namespace's words, taken once by the table rather than by every row. */
  t: TFunction<'search'>
}

/**
 * The rows' styles, resolved once for the whole table: the rows are plain cells rather than MUI
 * components, each of which resolved its styles on every render. With 50 rows of eight cells
 * that was most of the time from an answer to its paint.
 */
export const RESULT_STYLES = {
  '& .result-row': { cursor: 'pointer' },
  '& .result-row.Mui-selected': {
    boxShadow: (theme: Theme) => `inset 3px 0 0 ${(theme.vars ?? theme).palette.primary.main}`,
  },
  '& td.result-cell': {
    typography: 'body2',
    color: 'text.primary',
    px: 2,
    py: 0.75,
    borderBottom: 1,
    borderColor: 'divider',
    textAlign: 'left',
  },
  // Cell variants name the element too, or the cell rule above (more specific) would win.
  '& td.result-order': { fontWeight: 500, whiteSpace: 'nowrap' },
  '& a.result-link': {
    color: 'primary.main',
    textDecoration: 'none',
    '&:hover': { textDecoration: 'underline' },
  },
  '& td.result-tracking': {
    fontFamily: 'ui-monospace, "Roboto Mono", monospace',
    fontSize: '0.8rem',
  },
  '& td.result-nowrap': { whiteSpace: 'nowrap' },
  '& .result-muted': { color: 'text.secondary' },
  '& .result-flag': { display: 'inline-flex', alignItems: 'center', gap: 0.5 },
  '& .result-flag.photo-withheld, & .result-flag.away': { color: 'warning.main' },
  '& .result-flag.photo-none': { color: 'text.secondary' },
  '& .result-flag.away': { fontWeight: 500 },
  // Deliveries that already have a case say so under the order: open work stands out.
  '& .result-case': {
    display: 'flex',
    alignItems: 'center',
    gap: 0.5,
    typography: 'caption',
    color: 'info.main',
    fontWeight: 500,
  },
  '& .result-case.resolved': { color: 'text.secondary', fontWeight: 400 },
} as const

export const ResultRow = memo(function ResultRow(props: RowProps) {
  const { result, index, selected, actions, t } = props
  const delivered = result.deliveredAt ? formatDateTime(result.deliveredAt) : null
  const photo = photoSummary(result, t)
  const caseStatus = result.caseStatus ? STATUS_LABELS[result.caseStatus] : null
  const name = [
    t('row.name.order', { orderId: result.orderId }),
    t('row.name.tracking', { tracking: result.trackingNumber }),
    t('row.name.customer', { customer: result.customerName }),
    t('row.name.address', { street: result.street, city: result.city }),
    delivered ? t('row.name.delivered', { when: delivered }) : t('row.name.notDelivered'),
    photo.name,
    ...(result.awayFromAddress ? [t('row.name.away')] : []),
    ...(result.reusedPhoto ? [t('row.name.reused')] : []),
    ...(caseStatus ? [t('row.name.case', { status: caseStatus.toLocaleLowerCase() })] : []),
  ].join(t('row.name.separator'))
  const photoFlag = (
    <span className={`result-flag photo-${photo.kind}`}>
      {photo.icon}
      {photo.label}
    </span>
  )

  return (
    <TableRow
      hover
      selected={selected}
      aria-selected={selected}
      aria-label={name}
      className="result-row"
      onClick={() => actions.open(index, result.deliveryId)}
    >
      <td className="result-cell result-order">
        <a
          className="result-link"
          href={routeHref({ screen: 'delivery', deliveryId: result.deliveryId })}
          tabIndex={selected ? 0 : -1}
          onFocus={() => actions.focus(index)}
          onClick={(event) => {
            event.preventDefault()
            event.stopPropagation()
            actions.open(index, result.deliveryId)
          }}
          aria-label={t('row.openOrder', { orderId: result.orderId })}
          translate="no"
        >
          {result.orderId}
        </a>
        {caseStatus && (
          <span className={`result-case${result.caseStatus === 'resolved' ? ' resolved' : ''}`}>
            <FolderOpenOutlinedIcon sx={{ fontSize: 14 }} aria-hidden />
            {t('row.case', { status: caseStatus })}
          </span>
        )}
      </td>
      <td className="result-cell result-tracking" translate="no">
        {result.trackingNumber}
      </td>
      <td className="result-cell" translate="no">
        {result.customerName}
      </td>
      <td className="result-cell" translate="no">
        {result.street}
      </td>
      <td className="result-cell" translate="no">
        {result.city}
      </td>
      <td className="result-cell result-nowrap">
        {delivered ?? <span className="result-muted">{t('row.notDelivered')}</span>}
      </td>
      <td className="result-cell result-nowrap">
        {/* A tooltip only where it has something to say: most rows need none. */}
        {photo.detail ? <Tooltip title={photo.detail}>{photoFlag}</Tooltip> : photoFlag}
      </td>
      <td className="result-cell result-nowrap">
        {result.awayFromAddress && (
          <Tooltip title={t('row.awayHint')}>
            <span className="result-flag away">
              <WrongLocationOutlinedIcon fontSize="small" aria-hidden />
              {t('row.away')}
            </span>
          </Tooltip>
        )}
        {result.reusedPhoto && (
          <Tooltip title={t('row.reusedHint')}>
            <span className="result-flag away">
              <ContentCopyOutlinedIcon fontSize="small" aria-hidden />
              {t('row.reused')}
            </span>
          </Tooltip>
        )}
      </td>
    </TableRow>
  )
}, sameRow)

/** Each answer is new JSON: a row is the same when what it shows is. */
export function sameRow(a: RowProps, b: RowProps): boolean {
  if (a.index !== b.index || a.selected !== b.selected || a.actions !== b.actions) return false
  if (a.t !== b.t) return false
  const keys = Object.keys(a.result) as Array<keyof SearchResult>
  return (
    keys.length === Object.keys(b.result).length &&
    keys.every((key) => a.result[key] === b.result[key])
  )
}

export function photoSummary(result: SearchResult, t: TFunction<'search'>) {
  if (result.photoWithheld) {
    return {
      kind: 'withheld',
      label: t('row.photoWithheld'),
      name: t('row.name.photoWithheld'),
      detail: withheldReasonText(result.photoWithheld),
      icon: <LockOutlinedIcon fontSize="small" aria-hidden />,
    }
  }
  if (result.hasPhoto) {
    return {
      kind: 'yes',
      label: t('row.photoYes'),
      name: t('row.name.photoYes'),
      detail: null,
      icon: <PhotoCameraOutlinedIcon fontSize="small" aria-hidden />,
    }
  }
  return {
    kind: 'none',
    label: t('row.photoNo'),
    name: t('row.name.photoNo'),
    detail: null,
    icon: <NoPhotographyOutlinedIcon fontSize="small" aria-hidden />,
  }
}
