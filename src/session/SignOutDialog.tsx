// The sign-out confirmation: what has not reached the delivery service yet, whether to erase the
// local data, and on a shared computer whose unsent work a supervisor agrees to erase.
import { useEffect, useId, useState } from 'react'
import Button from '@mui/material/Button'
import Alert from '@mui/material/Alert'
import Checkbox from '@mui/material/Checkbox'
import CircularProgress from '@mui/material/CircularProgress'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../electron/core/api/definition.ts'
import type { UnsentWork } from '../../electron/core/api/privacy-schemas.ts'
import { currentLocale, t } from '../../electron/core/messages/messages.ts'
import { api, userMessage } from '../api/client.ts'
import { firstName } from '../words/othersWorkWords.ts'

type Props = {
  user: NonNullable<Session['user']>
  onClose: () => void
  onSignedOut: (session: Session) => void
}

export function SignOutDialog({ user, onClose, onSignedOut }: Props) {
  const { t } = useTranslation('session')
  const [signingOut, setSigningOut] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** What has not been sent yet; null until it is read. */
  const [confirming, setConfirming] = useState<UnsentWork | null>(null)
  const [erase, setErase] = useState(false)
  const [discardUnsent, setDiscardUnsent] = useState(false)
  /** The other people whose unsent work a supervisor has agreed to erase. */
  const [discardOf, setDiscardOf] = useState<string[]>([])
  const confirmId = useId()
  const eraseHelpId = useId()

  // Mounted for each opening: what has not been sent is read afresh, nothing starts ticked.
  useEffect(() => {
    api
      .getUnsentWork()
      .then(setConfirming, () => setConfirming({ caseChanges: 0, photoViews: 0, others: [] }))
  }, [])

  const close = () => {
    if (signingOut) return
    onClose()
  }

  const signOut = () => {
    setSigningOut(true)
    setError(null)
    const done = erase
      ? api
          .signOutAndErase({ discardUnsent, discardUnsentOf: discardOf })
          .then(() => api.getSession())
      : api.signOut()
    done.then(
      (session) => {
        setSigningOut(false)
        onClose()
        onSignedOut(session)
      },
      (reason: unknown) => {
        setSigningOut(false)
        setError(userMessage(reason))
      },
    )
  }

  const unsentTotal = (confirming?.caseChanges ?? 0) + (confirming?.photoViews ?? 0)
  const mustConfirmLoss = erase && unsentTotal > 0
  const others = confirming?.others ?? []
  const supervisor = user.role === 'supervisor'
  // Someone else's unsent work: an agent may not erase it; a supervisor names each person.
  const othersBlockErase =
    erase && others.length > 0 && (!supervisor || others.some((o) => !discardOf.includes(o.userId)))

  const yourChanges = confirming?.caseChanges ?? 0
  const only = others.length === 1 ? others[0]! : null
  const intro = [
    t('signOut.removed'),
    yourChanges > 0 ? t('signOut.yourUnsent', { count: yourChanges }) : null,
    only ? t('signOut.otherWaits', { name: only.name, firstName: firstName(only.name) }) : null,
    others.length > 1
      ? t('signOut.othersWait', { names: listOf(others.map((o) => o.name)) })
      : null,
  ]
  const othersTotal = others.reduce((sum, o) => sum + o.caseChanges + o.photoViews, 0)

  return (
    <Dialog open={confirming !== null} onClose={close} aria-labelledby={confirmId}>
      <DialogTitle id={confirmId}>{t('signOut.title')}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <DialogContentText>{intro.filter(Boolean).join(' ')}</DialogContentText>
        <div>
          <FormControlLabel
            control={
              <Checkbox
                checked={erase}
                onChange={(event) => {
                  setErase(event.target.checked)
                  setDiscardUnsent(false)
                }}
                slotProps={{ input: { 'aria-describedby': eraseHelpId } }}
              />
            }
            label={t('signOut.erase')}
          />
          <FormHelperText id={eraseHelpId} sx={{ mt: 0, ml: 4 }}>
            {t('signOut.eraseHint')}
          </FormHelperText>
        </div>
        {mustConfirmLoss && (
          <Alert severity="warning">
            {t('signOut.mineLost', {
              count: unsentTotal,
              kinds: kindsOf(confirming?.caseChanges ?? 0, confirming?.photoViews ?? 0),
            })}
            <FormControlLabel
              sx={{ display: 'flex', mt: 1 }}
              control={
                <Checkbox
                  checked={discardUnsent}
                  onChange={(event) => setDiscardUnsent(event.target.checked)}
                />
              }
              label={t('signOut.deleteMine')}
            />
          </Alert>
        )}
        {erase && others.length > 0 && !supervisor && (
          <Alert severity="error">
            {t('signOut.othersOnlySupervisor', { count: othersTotal, work: othersWork(others) })}
          </Alert>
        )}
        {erase && others.length > 0 && supervisor && (
          <Alert severity="warning">
            {t('signOut.othersLost', { count: othersTotal, work: othersWork(others) })}
            {others.map((o) => (
              <FormControlLabel
                key={o.userId}
                sx={{ display: 'flex', mt: 1 }}
                control={
                  <Checkbox
                    checked={discardOf.includes(o.userId)}
                    onChange={(event) =>
                      setDiscardOf((chosen) =>
                        event.target.checked
                          ? [...chosen, o.userId]
                          : chosen.filter((id) => id !== o.userId),
                      )
                    }
                  />
                }
                label={t('signOut.deleteOthers', { name: o.name })}
              />
            ))}
          </Alert>
        )}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} autoFocus disabled={signingOut}>
          {t('signOut.stay')}
        </Button>
        <Button
          onClick={signOut}
          color={erase ? 'error' : 'warning'}
          disabled={signingOut || (mustConfirmLoss && !discardUnsent) || othersBlockErase}
          startIcon={signingOut ? <CircularProgress size={16} aria-hidden /> : undefined}
        >
          {signingOut
            ? erase
              ? t('signOut.erasing')
              : t('signOut.signingOut')
            : erase
              ? t('signOut.signOutAndErase')
              : t('signOut.signOut')}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

/** "Alex, Jordan and Sam" in the language spoken. */
function listOf(parts: readonly string[]): string {
  return new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(parts)
}

/** "1 case change, 2 photo-view records": what unsent work is made of. */
function kindsOf(caseChanges: number, photoViews: number): string {
  const kinds: string[] = []
  if (caseChanges) kinds.push(t('session:signOut.caseChanges', { count: caseChanges }))
  if (photoViews) kinds.push(t('session:signOut.photoViews', { count: photoViews }))
  return kinds.join(', ')
}

/** "Alex Rivera's 2 unsent changes (1 case change, 1 photo-view record)", for each person. */
function othersWork(others: UnsentWork['others']): string {
  return listOf(
    others.map((o) =>
      t('session:signOut.personsWork', {
        name: o.name,
        count: o.caseChanges + o.photoViews,
        kinds: kindsOf(o.caseChanges, o.photoViews),
      }),
    ),
  )
}
