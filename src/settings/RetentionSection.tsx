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
      ? `The change was not saved. ${userMessage(save.error)}`
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
    <SettingsSection id="settings-retention" title="Data kept on this computer">
      <Typography variant="body2" sx={{ color: 'text.secondary', maxWidth: 640 }}>
        Porchlight keeps a copy of deliveries and their photos so that you can work offline. What is
        older than these periods is removed from this computer
        {overview && overview.intervalMinutes !== null
          ? ` every ${overview.intervalMinutes === 60 ? 'hour' : `${overview.intervalMinutes} minutes`} and before each sync`
          : ' when you choose Remove expired data now'}
        , unless a case still needs it.
      </Typography>
      {!overview && !read.error && (
        <Box role="status" aria-label="Loading what is kept">
          <Skeleton variant="rounded" height={40} sx={{ maxWidth: 520 }} />
          <Skeleton variant="rounded" height={160} sx={{ mt: 1 }} />
        </Box>
      )}
      {!overview && read.error && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void read.refetch()}>
              Retry
            </Button>
          }
        >
          What is kept could not be read. {userMessage(read.error)}
        </Alert>
      )}
      {overview && (
        <>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <FormControl size="small" sx={{ width: 220 }}>
              <InputLabel id={photoLabel}>Keep photos for</InputLabel>
              <Select
                labelId={photoLabel}
                label="Keep photos for"
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
              <InputLabel id={recordLabel}>Keep delivery records for</InputLabel>
              <Select
                labelId={recordLabel}
                label="Keep delivery records for"
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
                Saving…
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
              {removing ? 'Removing…' : 'Remove expired data now'}
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
