// Resolving a case: how it was resolved (required) and an optional note, which a canned note can
// start. The canned note's {orderId} and {customerName} are filled in for this case.
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import Box from '@mui/material/Box'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import MenuItem from '@mui/material/MenuItem'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { Trans, useTranslation } from 'react-i18next'
import { fillPlaceholders } from '../../electron/core/api/case-schemas.ts'
import { userMessage } from '../api/client.ts'
import { queries } from '../api/queries.ts'
import { AudienceTag } from '../ui/AudienceTag.tsx'
import { FormDialog } from '../ui/FormDialog.tsx'
import { RESOLUTION_HINTS, RESOLUTION_LABELS, RESOLUTION_ORDER } from '../words/caseWords.ts'
import type { ResolutionCode } from '../words/caseWords.ts'

type Props = {
  orderId: string
  customerName: string | null
  onClose: () => void
  /** Resolves the case; rejects with the reason it could not. */
  onResolve: (code: ResolutionCode, note: string | undefined) => Promise<void>
}

export function ResolveDialog({ orderId, customerName, onClose, onResolve }: Props) {
  const { t } = useTranslation(['cases', 'common'])
  const [code, setCode] = useState<ResolutionCode | null>(null)
  const [note, setNote] = useState('')
  const [cannedId, setCannedId] = useState('')
  const cannedNotes = useQuery(queries.cannedNotes())
  const canned = cannedNotes.data ?? null
  const cannedError = cannedNotes.error ? userMessage(cannedNotes.error) : null
  const [showCodeError, setShowCodeError] = useState(false)

  const pickCanned = (id: string) => {
    setCannedId(id)
    const picked = canned?.find((n) => n.id === id)
    if (picked) {
      setNote(
        fillPlaceholders(picked.body, {
          orderId,
          customerName: customerName ?? t('cannedMenu.theCustomer'),
        }),
      )
    }
  }

  const submit = () => {
    if (!code) {
      setShowCodeError(true)
      return null
    }
    const trimmed = note.trim()
    return onResolve(code, trimmed ? trimmed : undefined).then(onClose)
  }

  return (
    <FormDialog
      title={
        <Trans
          t={t}
          i18nKey="resolve.title"
          values={{ orderId }}
          components={{ 0: <bdi translate="no" /> }}
        />
      }
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('resolve.submit')}
      failed={(reason) => t('resolve.failed', { reason })}
    >
      <FormControl error={showCodeError && !code} required>
        <FormLabel id="resolution-label" sx={{ mb: 0.5 }}>
          {t('resolve.how')}
        </FormLabel>
        <RadioGroup
          aria-labelledby="resolution-label"
          value={code ?? ''}
          onChange={(event) => setCode(event.target.value as ResolutionCode)}
          sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2 }}
        >
          {RESOLUTION_ORDER.map((value) => (
            <FormControlLabel
              key={value}
              value={value}
              control={<Radio size="small" />}
              label={
                <Box sx={{ py: 0.5 }}>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {RESOLUTION_LABELS[value]}
                  </Typography>
                  <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {RESOLUTION_HINTS[value]}
                  </Typography>
                </Box>
              }
              sx={{ alignItems: 'flex-start', mr: 0, '& .MuiRadio-root': { mt: 0.25 } }}
            />
          ))}
        </RadioGroup>
        {showCodeError && !code && <FormHelperText>{t('resolve.chooseHow')}</FormHelperText>}
      </FormControl>

      <TextField
        select
        size="small"
        label={t('resolve.canned')}
        value={cannedId}
        onChange={(event) => pickCanned(event.target.value)}
        disabled={!canned || canned.length === 0}
        helperText={
          cannedError
            ? t('cannedMenu.failed', { reason: cannedError })
            : canned && canned.length === 0
              ? t('cannedMenu.none')
              : t('resolve.cannedHint')
        }
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">
          <em>{t('resolve.cannedNone')}</em>
        </MenuItem>
        {canned?.map((n) => (
          <MenuItem key={n.id} value={n.id} sx={{ gap: 1 }}>
            <span translate="no">{n.title}</span> <AudienceTag audience={n.audience} />
          </MenuItem>
        ))}
      </TextField>

      <TextField
        label={t('resolve.note')}
        multiline
        minRows={3}
        maxRows={10}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 4000, translate: 'no' } }}
      />
    </FormDialog>
  )
}
