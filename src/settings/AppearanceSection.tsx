// Settings › Appearance and language: the language (kept with the settings: the exports and the
// PDF speak it too) and the theme, light, dark, or as the system says (remembered on this
// computer: MUI keeps the choice; see src/app/theme.ts). Both apply at once.
import Alert from '@mui/material/Alert'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import { useColorScheme } from '@mui/material/styles'
import BrightnessAutoOutlinedIcon from '@mui/icons-material/BrightnessAutoOutlined'
import DarkModeOutlinedIcon from '@mui/icons-material/DarkModeOutlined'
import LightModeOutlinedIcon from '@mui/icons-material/LightModeOutlined'
import { useTranslation } from 'react-i18next'
import {
  LANGUAGE_PREFERENCES,
  LANGUAGES,
  resolveLanguage,
  type LanguagePreference,
} from '../../electron/core/messages/languages.ts'
import { SettingsSection } from './SettingsSection.tsx'
import { useSettings } from './useSettings.ts'

type Mode = 'system' | 'light' | 'dark'

export function AppearanceSection() {
  const { t } = useTranslation('settings')
  const { mode, setMode } = useColorScheme()
  return (
    <SettingsSection id="settings-appearance" title={t('appearance.title')}>
      <Stack sx={{ gap: 2.5 }}>
        <LanguagePicker />
        <Stack sx={{ gap: 1 }}>
          <Typography id="theme-label" variant="body2" sx={{ color: 'text.secondary' }}>
            {t('appearance.theme')}
          </Typography>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={mode ?? 'system'}
            aria-labelledby="theme-label"
            onChange={(_event, value: Mode | null) => {
              if (value) setMode(value)
            }}
            sx={{
              alignSelf: 'flex-start',
              flexWrap: 'wrap',
              '& .MuiToggleButton-root': { gap: 0.75, px: 1.5 },
            }}
          >
            <ToggleButton value="system">
              <BrightnessAutoOutlinedIcon fontSize="small" aria-hidden />
              {t('appearance.themeSystem')}
            </ToggleButton>
            <ToggleButton value="light">
              <LightModeOutlinedIcon fontSize="small" aria-hidden />
              {t('appearance.themeLight')}
            </ToggleButton>
            <ToggleButton value="dark">
              <DarkModeOutlinedIcon fontSize="small" aria-hidden />
              {t('appearance.themeDark')}
            </ToggleButton>
          </ToggleButtonGroup>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('appearance.themeHint')}
          </Typography>
        </Stack>
      </Stack>
    </SettingsSection>
  )
}

/** Each language by its own name, so a person who cannot read the current one finds theirs. */
function LanguagePicker() {
  const { t } = useTranslation('settings')
  const { settings, save, lastSave } = useSettings()
  const systemLanguage = resolveLanguage('system', navigator.languages).language
  const systemName =
    systemLanguage in LANGUAGES ? LANGUAGES[systemLanguage as keyof typeof LANGUAGES] : ''
  const failed = lastSave?.status === 'failed' && lastSave.patch.language !== undefined
  return (
    <Stack sx={{ gap: 1 }}>
      <TextField
        select
        size="small"
        label={t('appearance.language')}
        value={settings?.language ?? 'system'}
        disabled={settings === null}
        onChange={(event) => save({ language: event.target.value as LanguagePreference })}
        helperText={t('appearance.languageHint')}
        sx={{ alignSelf: 'flex-start', minWidth: 260 }}
      >
        {LANGUAGE_PREFERENCES.map((preference) => (
          <MenuItem
            key={preference}
            value={preference}
            // Each language by its own name, never translated.
            lang={preference === 'system' ? undefined : preference}
            translate={preference === 'system' ? undefined : 'no'}
          >
            {preference === 'system'
              ? t('appearance.languageSystem', { language: systemName })
              : LANGUAGES[preference]}
          </MenuItem>
        ))}
      </TextField>
      {failed ? (
        <Alert severity="error">
          {t('appearance.languageFailed', { reason: lastSave.message })}
        </Alert>
      ) : null}
    </Stack>
  )
}
