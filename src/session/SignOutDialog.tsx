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
import type { Session } from '../../electron/core/api/definition.ts'
import type { UnsentWork } from '../../electron/core/api/privacy-schemas.ts'
import { api, userMessage } from '../api/client.ts'
import { plural } from '../format/numbers.ts'
import { firstName } from '../words/othersWorkWords.ts'

type Props = {
  user: NonNullable<Session['user']>
  onClose: () => void
  onSignedOut: (session: Session) => void
}

export function SignOutDialog({ user, onClose, onSignedOut }: Props) {
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

  return (
    <Dialog open={confirming !== null} onClose={close} aria-labelledby={confirmId}>
      <DialogTitle id={confirmId}>Sign out of Porchlight?</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <DialogContentText>
          Your sign-in is removed from this computer.
          {(confirming?.caseChanges ?? 0) > 0 &&
            ` ${plural(confirming?.caseChanges ?? 0, 'change', 'changes')} you made here ${
              confirming?.caseChanges === 1 ? 'has' : 'have'
            } not reached the delivery service yet. Unless you erase the local data, they stay on this computer and are sent the next time you sign in here.`}
          {others.length === 1 &&
            ` ${others[0]!.name}'s unsent work also waits here for ${firstName(others[0]!.name)} to sign in.`}
          {others.length > 1 &&
            ` Unsent work of ${others.map((o) => o.name).join(', ')} also waits here for each of them to sign in.`}
        </DialogContentText>
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
            label="Also erase the local data from this computer"
          />
          <FormHelperText id={eraseHelpId} sx={{ mt: 0, ml: 4 }}>
            Deliveries, photos, thumbnails, map tiles and cases kept here are deleted. Your settings
            and the audit log of photo views and exports stay. Everything is downloaded again at the
            next sign-in.
          </FormHelperText>
        </div>
        {mustConfirmLoss && (
          <Alert severity="warning">
            {plural(unsentTotal, 'change', 'changes')} made here (
            {[
              confirming?.caseChanges
                ? plural(confirming.caseChanges, 'case change', 'case changes')
                : null,
              confirming?.photoViews
                ? plural(confirming.photoViews, 'photo-view record', 'photo-view records')
                : null,
            ]
              .filter(Boolean)
              .join(', ')}
            ) {unsentTotal === 1 ? 'has' : 'have'} not reached the delivery service. Erasing deletes{' '}
            {unsentTotal === 1 ? 'it' : 'them'} for good.
            <FormControlLabel
              sx={{ display: 'flex', mt: 1 }}
              control={
                <Checkbox
                  checked={discardUnsent}
                  onChange={(event) => setDiscardUnsent(event.target.checked)}
                />
              }
              label="Delete my unsent changes too"
            />
          </Alert>
        )}
        {erase && others.length > 0 && !supervisor && (
          <Alert severity="error">
            {othersInWords(others)} not reached the delivery service. Only a supervisor can erase
            someone else&rsquo;s unsent work: sign out without erasing, and it is sent when they
            sign in here again.
          </Alert>
        )}
        {erase && others.length > 0 && supervisor && (
          <Alert severity="warning">
            {othersInWords(others)} not reached the delivery service. Erasing deletes it for good,
            and the audit log records that you did.
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
                label={`Delete ${o.name}'s unsent work`}
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
          Stay signed in
        </Button>
        <Button
          onClick={signOut}
          color={erase ? 'error' : 'warning'}
          disabled={signingOut || (mustConfirmLoss && !discardUnsent) || othersBlockErase}
          startIcon={signingOut ? <CircularProgress size={16} aria-hidden /> : undefined}
        >
          {signingOut
            ? erase
              ? 'Erasing…'
              : 'Signing out…'
            : erase
              ? 'Sign out and erase'
              : 'Sign out'}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

/** "Alex Rivera's 2 unsent changes (1 case change, 1 photo-view record) have". */
function othersInWords(others: UnsentWork['others']): string {
  const parts = others.map((o) => {
    const kinds = [
      o.caseChanges ? plural(o.caseChanges, 'case change', 'case changes') : null,
      o.photoViews ? plural(o.photoViews, 'photo-view record', 'photo-view records') : null,
    ].filter(Boolean)
    const n = o.caseChanges + o.photoViews
    return `${o.name}'s ${plural(n, 'unsent change', 'unsent changes')} (${kinds.join(', ')})`
  })
  const single = others.length === 1 && others[0]!.caseChanges + others[0]!.photoViews === 1
  return `${parts.join(' and ')} ${single ? 'has' : 'have'}`
}
