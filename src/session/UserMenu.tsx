import { useId, useState } from 'react'
import Avatar from '@mui/material/Avatar'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import ListItemIcon from '@mui/material/ListItemIcon'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Typography from '@mui/material/Typography'
import ExpandMoreIcon from '@mui/icons-material/ExpandMore'
import LogoutIcon from '@mui/icons-material/Logout'
import { Trans, useTranslation } from 'react-i18next'
import type { Session } from '../../electron/core/api/definition.ts'
import { roleLabel } from './roles.ts'
import { SignOutDialog } from './SignOutDialog.tsx'

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
  const { t } = useTranslation('session')
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [confirming, setConfirming] = useState(false)
  const menuId = useId()
  const buttonId = useId()

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
          translate="no"
        >
          {initials(user.name)}
        </Avatar>
        <Box component="span" sx={{ textAlign: 'left', lineHeight: 1.2 }}>
          <Box component="span" translate="no" sx={{ display: 'block', fontSize: '0.875rem' }}>
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
          <Typography variant="body2" translate="no" sx={{ fontWeight: 500 }}>
            {user.name}
          </Typography>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            <Trans
              t={t}
              i18nKey="userMenu.roleAndId"
              values={{ role: roleLabel(user.role), id: user.id }}
              components={{ 0: <span translate="no" /> }}
            />
          </Typography>
        </Box>
        <Divider component="li" role="none" />
        <MenuItem
          onClick={() => {
            setAnchor(null)
            setConfirming(true)
          }}
        >
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          {t('userMenu.signOut')}
        </MenuItem>
      </Menu>
      {confirming && (
        <SignOutDialog user={user} onClose={() => setConfirming(false)} onSignedOut={onSignedOut} />
      )}
    </>
  )
}
