// "Cases" in the side navigation, with a badge for the open cases waiting on the person at the
// keyboard (the same count, under the same words, as the queue's "Waiting on you"). The badge is
// part of the link's name, so a screen reader hears "Cases, 3 waiting on you".
import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined'
import { useTranslation } from 'react-i18next'
import { decisionsWords, waitingOnYouWords } from '../../electron/core/api/display-words.ts'
import type { Route } from '../navigation/route.ts'
import { routeHref } from '../navigation/route.ts'
import { formatCount } from '../format/numbers.ts'
import { lastQueueFilters } from '../navigation/lastQueue.ts'
import { NavLink } from '../ui/NavLink.tsx'
import { useCaseCounts } from './useCaseCounts.ts'

export function CasesNavItem({ current, rail }: { current: Route; rail: boolean }) {
  const { t } = useTranslation('cases')
  const counts = useCaseCounts()
  const waiting = counts?.waitingOnMe ?? 0
  const conflicts = counts?.conflicts ?? 0
  const extra: string[] = []
  if (waiting > 0) extra.push(waitingOnYouWords(waiting))
  if (conflicts > 0) extra.push(decisionsWords(conflicts))
  const hint = [
    rail ? t('nav.label') : null,
    waiting > 0 ? waitingOnYouWords(waiting) : null,
    conflicts > 0 ? t('nav.toDecide', { count: conflicts }) : null,
  ]
    .filter(Boolean)
    .join(' · ')
  const badge =
    waiting > 0 || conflicts > 0 ? (
      <Stack direction="row" aria-hidden sx={{ gap: 0.5, ml: rail ? 0 : 0.5 }}>
        {conflicts > 0 && (
          <Box sx={{ ...pill, bgcolor: 'error.main', color: 'background.paper' }}>!</Box>
        )}
        {waiting > 0 && (
          <Box sx={{ ...pill, bgcolor: 'secondary.main', color: 'secondary.contrastText' }}>
            {formatCount(waiting)}
          </Box>
        )}
      </Stack>
    ) : null
  return (
    <NavLink
      // The queue as it was last left, filters and all.
      href={routeHref({
        screen: 'cases',
        filters: current.screen === 'cases' ? current.filters : lastQueueFilters(),
      })}
      label={t('nav.label')}
      icon={<InboxOutlinedIcon fontSize="small" />}
      selected={current.screen === 'cases' || current.screen === 'case'}
      current={current.screen === 'cases'}
      rail={rail}
      spokenExtra={extra.length ? `, ${extra.join(', ')}` : undefined}
      badge={badge}
      hint={hint || undefined}
    />
  )
}

const pill = {
  px: 0.75,
  minWidth: 22,
  height: 20,
  borderRadius: 10,
  display: 'grid',
  placeItems: 'center',
  fontSize: '0.75rem',
  fontWeight: 700,
  fontVariantNumeric: 'tabular-nums',
} as const
