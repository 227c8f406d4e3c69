import { useId, useState } from 'react'
import Avatar from '@mui/material/Avatar'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import Divider from '@mui/material/Divider'
import ListItemIcon from '@mui/material/ListItemIcon'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Typography from '@mui/material/Typography'
import ExpandMoreIcon from '@mui/icons-material/ExpandMore'
import LogoutIcon from '@mui/icons-material/Logout'
import type { Session } from '../../electron/core/api/definition.ts'
import { api, userMessage } from '../api/client.ts'
import { roleLabel } from './roles.ts'

type Props = {
  user: NonNullable<Session['user']>
  onSignedOut: (session: Session) => void
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts
  return letters.map((part) => part?.[0]?.toUpperCase() ?? '').join('') || '?'
}

export function UserMenu({ user, onSignedOut }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [signingOut, setSigningOut] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const menuId = useId()
  const buttonId = useId()

  const [unsent, setUnsent] = useState<number | null>(null)
  const confirmId = useId()

  // Work not yet sent stays on this computer, but the agent should know before leaving.
  const askToSignOut = () => {
    api.getSyncStatus().then(
      (status) => (status.pendingChanges > 0 ? setUnsent(status.pendingChanges) : signOut()),
      () => signOut(),
    )
  }

  const signOut = () => {
    setUnsent(null)
    setSigningOut(true)
    setError(null)
    api.signOut().then(
      (session) => {
        setAnchor(null)
        onSignedOut(session)
      },
      (reason: unknown) => {
        setSigningOut(false)
        setError(userMessage(reason))
      },
    )
  }

  return (
    <>
      <Button
        id={buttonId}
        color="inherit"
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        endIcon={<ExpandMoreIcon />}
        sx={{ gap: 0.5, pl: 0.5 }}
      >
        <Avatar
          sx={{ width: 28, height: 28, fontSize: '0.8rem', bgcolor: 'primary.main' }}
          aria-hidden
        >
          {initials(user.name)}
        </Avatar>
        <Box component="span" sx={{ textAlign: 'left', lineHeight: 1.2 }}>
          <Box component="span" sx={{ display: 'block', fontSize: '0.875rem' }}>
            {user.name}
          </Box>
          <Box
            component="span"
            sx={{ display: 'block', fontSize: '0.75rem', color: 'text.secondary' }}
          >
            {roleLabel(user.role)}
          </Box>
        </Box>
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ list: { 'aria-labelledby': buttonId, dense: true } }}
      >
        <Box component="li" role="none" sx={{ px: 2, py: 1, minWidth: 220 }}>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {user.name}
          </Typography>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {roleLabel(user.role)} · {user.id}
          </Typography>
        </Box>
        <Divider component="li" role="none" />
        <MenuItem onClick={askToSignOut} disabled={signingOut}>
          <ListItemIcon>
            {signingOut ? (
              <CircularProgress size={18} aria-hidden />
            ) : (
              <LogoutIcon fontSize="small" />
            )}
          </ListItemIcon>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </MenuItem>
        {error && (
          <Typography
            role="alert"
            variant="body2"
            sx={{ px: 2, py: 1, color: 'error.main', maxWidth: 280 }}
          >
            {error}
          </Typography>
        )}
      </Menu>
      <Dialog open={unsent !== null} onClose={() => setUnsent(null)} aria-labelledby={confirmId}>
        <DialogTitle id={confirmId}>Sign out with changes not yet sent?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {unsent === 1 ? 'One change' : `${unsent ?? 0} changes`} you made here{' '}
            {unsent === 1 ? 'has' : 'have'} not reached the delivery service yet. They stay safely
            on this computer and are sent the next time you sign in here.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setUnsent(null)} autoFocus>
            Stay signed in
          </Button>
          <Button onClick={signOut} color="warning">
            Sign out anyway
          </Button>
        </DialogActions>
      </Dialog>
    </>
  )
}
