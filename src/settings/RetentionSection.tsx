// Settings › Data kept on this computer: what Porchlight holds about customers, for how long, and
// how much of it there is now; the two periods can be changed, and expired data removed at once.
import { useId } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import FormControl from '@mui/material/FormControl'
import InputLabel from '@mui/material/InputLabel'
import MenuItem from '@mui/material/MenuItem'
import Select from '@mui/material/Select'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import DeleteSweepOutlinedIcon from '@mui/icons-material/DeleteSweepOutlined'
import { useTranslation } from 'react-i18next'
import { api, userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { SettingsSection } from './SettingsSection.tsx'
import { useSaveSettings } from './useSettings.ts'
import { daysLabel, lastRunText, KeptTable } from './KeptTable.tsx'

const PHOTO_DAYS = [7, 14, 30, 60, 90, 180, 365]
const RECORD_DAYS = [30, 60, 90, 180, 365, 730]

/** The choices, with the current value among them even when it was set elsewhere. */
function withCurrent(options: number[], current: number): number[] {
  return options.includes(current) ? options : [...options, current].sort((a, b) => a - b)
}

export function RetentionSection() {
  const { t } = useTranslation(['settings', 'common'])
  const client = useQueryClient()
  const read = useQuery(queries.retention())
  const save = useSaveSettings()
  const removeNow = useMutation({
    mutationFn: () => api.runRetentionNow(),
    onSuccess: (overview) => client.setQueryData(queries.retention().queryKey, overview),
  })
  const photoLabel = useId()
  const recordLabel = useId()
  const tableCaption = useId()
  const overview = read.data
  const removing = removeNow.isPending
  const saving = save.isPending
  // The last action's refusal, until the next action starts.
  const problem = removeNow.error
    ? userMessage(removeNow.error)
    : save.error
      ? t('retention.notSaved', { reason: userMessage(save.error) })
      : null
  const change: typeof save.mutate = (patch) => {
    removeNow.reset()
    save.mutate(patch)
  }
  const removeExpired = () => {
    save.reset()
    removeNow.mutate()
  }

  return (
    <SettingsSection id="settings-retention" title={t('retention.title')}>
      <Typography variant="body2" sx={{ color: 'text.secondary', maxWidth: 640 }}>
        {overview === undefined || overview.intervalMinutes === null
          ? t('retention.introOnRequest')
          : overview.intervalMinutes === 60
            ? t('retention.introHourly')
            : t('retention.introEveryMinutes', { count: overview.intervalMinutes })}
      </Typography>
      {!overview && !read.error && (
        <Box role="status" aria-label={t('retention.loading')}>
          <Skeleton variant="rounded" height={40} sx={{ maxWidth: 520 }} />
          <Skeleton variant="rounded" height={160} sx={{ mt: 1 }} />
        </Box>
      )}
      {!overview && read.error && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void read.refetch()}>
              {t('screen.retry')}
            </Button>
          }
        >
          {t('retention.readFailed', { reason: userMessage(read.error) })}
        </Alert>
      )}
      {overview && (
        <>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <FormControl size="small" sx={{ width: 220 }}>
              <InputLabel id={photoLabel}>{t('retention.photoDays')}</InputLabel>
              <Select
                labelId={photoLabel}
                label={t('retention.photoDays')}
                value={overview.photoDays}
                onChange={(event) => change({ photoRetentionDays: Number(event.target.value) })}
                sx={{ bgcolor: 'background.paper' }}
              >
                {withCurrent(PHOTO_DAYS, overview.photoDays).map((days) => (
                  <MenuItem key={days} value={days}>
                    {daysLabel(days)}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            <FormControl size="small" sx={{ width: 240 }}>
              <InputLabel id={recordLabel}>{t('retention.recordDays')}</InputLabel>
              <Select
                labelId={recordLabel}
                label={t('retention.recordDays')}
                value={overview.deliveryDays}
                onChange={(event) => change({ deliveryRetentionDays: Number(event.target.value) })}
                sx={{ bgcolor: 'background.paper' }}
              >
                {withCurrent(RECORD_DAYS, overview.deliveryDays).map((days) => (
                  <MenuItem key={days} value={days}>
                    {daysLabel(days)}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            {saving && (
              <Stack direction="row" sx={{ alignItems: 'center', gap: 1, typography: 'body2' }}>
                <CircularProgress size={14} aria-hidden="true" />
                {t('common:action.saving')}
              </Stack>
            )}
          </Stack>
          <KeptTable overview={overview} captionId={tableCaption} />
          <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button
              variant="outlined"
              onClick={removeExpired}
              disabled={removing}
              startIcon={
                removing ? (
                  <CircularProgress size={16} aria-hidden="true" />
                ) : (
                  <DeleteSweepOutlinedIcon />
                )
              }
            >
              {removing ? t('retention.removing') : t('retention.removeNow')}
            </Button>
            <Typography variant="body2" role="status" sx={{ color: 'text.secondary' }}>
              {lastRunText(overview)}
            </Typography>
          </Stack>
        </>
      )}
      {problem && <Alert severity="error">{problem}</Alert>}
    </SettingsSection>
  )
}
