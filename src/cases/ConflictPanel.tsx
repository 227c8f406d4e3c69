// A change of ours the service refused because the case had moved on (HTTP 409): what we tried
// beside what the case is on the service now, and the two ways out.
import { useState } from 'react'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import SyncProblemOutlinedIcon from '@mui/icons-material/SyncProblemOutlined'
import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '../../electron/core/api/case-schemas.ts'
import { userMessage } from '../api/client.ts'
import { formatDateTime } from '../format/time.ts'
import { CaseStatusChip } from '../ui/CaseStatusChip.tsx'
import { RESOLUTION_LABELS } from '../words/caseWords.ts'
import { Assignee } from '../ui/Assignee.tsx'
import { usePeople } from '../ui/usePeople.ts'
import { changeWords } from './CaseTimeline.tsx'

type Conflict = NonNullable<CaseDetail['conflict']>

type Props = {
  conflict: Conflict
  meId: string
  onChoose: (choice: 'apply-again' | 'discard') => Promise<void>
}

export function ConflictPanel({ conflict, meId, onChoose }: Props) {
  const { t } = useTranslation('cases')
  const { nameOf } = usePeople()
  const mine = changeWords(conflict.change, (id) => nameOf(id).name)
  const [busy, setBusy] = useState<'apply-again' | 'discard' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const server = conflict.server

  const choose = (choice: 'apply-again' | 'discard') => {
    setBusy(choice)
    setError(null)
    onChoose(choice).then(
      () => setBusy(null),
      (reason: unknown) => {
        setError(userMessage(reason))
        setBusy(null)
      },
    )
  }

  return (
    <Paper
      component="section"
      aria-labelledby="conflict-heading"
      variant="outlined"
      sx={{
        borderColor: 'error.main',
        borderWidth: 2,
        p: 2,
        display: 'flex',
        flexDirection: 'column',
        gap: 1.5,
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
        <SyncProblemOutlinedIcon sx={{ color: 'error.main' }} aria-hidden />
        <Typography variant="h2" id="conflict-heading">
          {t('conflict.title')}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('conflict.explain')}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
          gap: 1.5,
        }}
      >
        <Box
          sx={{
            p: 1.5,
            borderRadius: 1,
            border: 1,
            borderColor: 'divider',
            bgcolor: 'action.hover',
          }}
        >
          <Typography variant="h3" component="h3" sx={{ color: 'text.secondary', mb: 0.75 }}>
            {t('conflict.yours')}
          </Typography>
          {mine.line && <Typography sx={{ fontWeight: 500 }}>{mine.line}</Typography>}
          {mine.quote && (
            <Typography translate="no" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {mine.quote}
            </Typography>
          )}
        </Box>
        <Box sx={{ p: 1.5, borderRadius: 1, border: 1, borderColor: 'divider' }}>
          <Typography variant="h3" component="h3" sx={{ color: 'text.secondary', mb: 0.75 }}>
            {t('conflict.theirs')}
          </Typography>
          <Box
            component="dl"
            sx={{
              m: 0,
              display: 'grid',
              gridTemplateColumns: 'auto 1fr',
              columnGap: 1.5,
              rowGap: 0.5,
              alignItems: 'center',
              typography: 'body2',
              '& dt': { color: 'text.secondary' },
              '& dd': { m: 0 },
            }}
          >
            <dt>{t('conflict.status')}</dt>
            <dd>
              <CaseStatusChip status={server.status} />
            </dd>
            <dt>{t('conflict.assignee')}</dt>
            <dd>
              <Assignee id={server.assigneeId} meId={meId} />
            </dd>
            <dt>{t('conflict.resolution')}</dt>
            <dd>
              {server.resolutionCode
                ? RESOLUTION_LABELS[server.resolutionCode]
                : t('conflict.none')}
            </dd>
            <dt>{t('conflict.updated')}</dt>
            <dd>{server.updatedAt ? formatDateTime(server.updatedAt) : t('conflict.unknown')}</dd>
          </Box>
        </Box>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          loading={busy === 'apply-again'}
          disabled={busy !== null}
          onClick={() => choose('apply-again')}
        >
          {t('conflict.applyAgain')}
        </Button>
        <Button
          variant="outlined"
          color="error"
          loading={busy === 'discard'}
          disabled={busy !== null}
          onClick={() => choose('discard')}
        >
          {t('conflict.discard')}
        </Button>
      </Stack>
    </Paper>
  )
}
