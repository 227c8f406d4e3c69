// How long a case has been open, against the target for its first action: "3 h 12 min — due in
// 20 h 48 min", "overdue by 2 h" in the warning colour, or "First action done". The caller passes
// `now` from a ticking clock, so the words stay true while the screen is open.
import Box from '@mui/material/Box'
import Tooltip from '@mui/material/Tooltip'
import AccessTimeOutlinedIcon from '@mui/icons-material/AccessTimeOutlined'
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined'
import WarningAmberOutlinedIcon from '@mui/icons-material/WarningAmberOutlined'
import { useTranslation } from 'react-i18next'
import { formatDateTimeLong } from '../format/time.ts'
import { caseAge, firstActionState } from '../words/caseWords.ts'

type Props = {
  openedAt: string
  firstActionDueAt: string
  firstActionAt: string | null
  now: number
  /** The age above the first action's state (a narrow table column), not beside it. */
  stacked?: boolean
}

export function FirstActionTimer(props: Props) {
  const { t } = useTranslation('cases')
  const { openedAt, firstActionDueAt, firstActionAt, now, stacked = false } = props
  const age = caseAge(openedAt, now)
  const state = firstActionState({ firstActionAt, firstActionDueAt }, now)
  const opened = formatDateTimeLong(openedAt)
  const detail =
    state.kind === 'done' && firstActionAt
      ? t('firstAction.openedDone', { opened, firstAction: formatDateTimeLong(firstActionAt) })
      : t('firstAction.openedDue', { opened, due: formatDateTimeLong(firstActionDueAt) })
  return (
    <Tooltip title={detail} describeChild>
      <Box
        component="span"
        sx={{
          display: 'inline-flex',
          flexDirection: stacked ? 'column' : 'row',
          alignItems: stacked ? 'flex-start' : 'center',
          columnGap: 0.75,
          whiteSpace: 'nowrap',
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        <Box component="span" sx={{ color: 'text.primary' }}>
          {age}
        </Box>
        {!stacked && (
          <Box component="span" aria-hidden sx={{ color: 'text.secondary' }}>
            —
          </Box>
        )}
        <Box
          component="span"
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            color:
              state.kind === 'overdue'
                ? 'warning.main'
                : state.kind === 'done'
                  ? 'text.secondary'
                  : 'text.primary',
            fontWeight:
              state.kind === 'overdue' || (state.kind === 'due' && state.soon) ? 500 : 400,
          }}
        >
          {state.kind === 'overdue' ? (
            <WarningAmberOutlinedIcon aria-hidden sx={{ fontSize: 16 }} />
          ) : state.kind === 'done' ? (
            <CheckCircleOutlinedIcon aria-hidden sx={{ fontSize: 16, color: 'success.main' }} />
          ) : (
            <AccessTimeOutlinedIcon aria-hidden sx={{ fontSize: 16, color: 'text.secondary' }} />
          )}
          {state.text}
        </Box>
      </Box>
    </Tooltip>
  )
}
