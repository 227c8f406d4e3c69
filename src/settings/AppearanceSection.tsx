// Settings › Appearance: light, dark, or as the system says. Applied at once and remembered on
// this computer (MUI keeps the choice; see src/app/theme.ts).
import Stack from '@mui/material/Stack'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import { useColorScheme } from '@mui/material/styles'
import BrightnessAutoOutlinedIcon from '@mui/icons-material/BrightnessAutoOutlined'
import DarkModeOutlinedIcon from '@mui/icons-material/DarkModeOutlined'
import LightModeOutlinedIcon from '@mui/icons-material/LightModeOutlined'
import { SettingsSection } from './SettingsSection.tsx'

type Mode = 'system' | 'light' | 'dark'

export function AppearanceSection() {
  const { mode, setMode } = useColorScheme()
  return (
    <SettingsSection id="settings-appearance" title="Appearance">
      <Stack sx={{ gap: 1 }}>
        <Typography id="theme-label" variant="body2" sx={{ color: 'text.secondary' }}>
          Theme
        </Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={mode ?? 'system'}
          aria-labelledby="theme-label"
          onChange={(_event, value: Mode | null) => {
            if (value) setMode(value)
          }}
          sx={{ alignSelf: 'flex-start', '& .MuiToggleButton-root': { gap: 0.75, px: 1.5 } }}
        >
          <ToggleButton value="system">
            <BrightnessAutoOutlinedIcon fontSize="small" aria-hidden />
            As the system
          </ToggleButton>
          <ToggleButton value="light">
            <LightModeOutlinedIcon fontSize="small" aria-hidden />
            Light
          </ToggleButton>
          <ToggleButton value="dark">
            <DarkModeOutlinedIcon fontSize="small" aria-hidden />
            Dark
          </ToggleButton>
        </ToggleButtonGroup>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          Kept on this computer for everyone who signs in here.
        </Typography>
      </Stack>
    </SettingsSection>
  )
}
