// The search box and its filter: typed into, results appear as you type; ↑ and ↓ choose a result
// and Enter opens it (the screen handles those keys). Ctrl/Cmd+K from anywhere comes back here.
import type { KeyboardEvent, Ref } from 'react'
import Box from '@mui/material/Box'
import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import InputAdornment from '@mui/material/InputAdornment'
import LinearProgress from '@mui/material/LinearProgress'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import ContentCopyOutlinedIcon from '@mui/icons-material/ContentCopyOutlined'
import SearchIcon from '@mui/icons-material/Search'
import WrongLocationOutlinedIcon from '@mui/icons-material/WrongLocationOutlined'
import { Trans, useTranslation } from 'react-i18next'
import { shortcutLabel } from '../navigation/shortcuts.ts'

const HINT_ID = 'search-hint'

type Props = {
  query: string
  awayOnly: boolean
  reusedOnly: boolean
  loading: boolean
  inputRef: Ref<HTMLInputElement>
  /** The id of the results table, while it is shown. */
  controls: string | undefined
  setQuery: (query: string) => void
  setAwayOnly: (awayOnly: boolean) => void
  setReusedOnly: (reusedOnly: boolean) => void
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
}

export function SearchBox(props: Props) {
  const { query, awayOnly, reusedOnly, loading, inputRef, controls, setQuery, onKeyDown } = props
  const { t } = useTranslation('search')
  return (
    <Box>
      <Typography variant="h1" id="search-heading" sx={{ mb: 1.5 }}>
        {t('box.heading')}
      </Typography>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          columnGap: 2,
          rowGap: 1,
          // The filters go under the box when the row is too narrow for all three.
          flexWrap: 'wrap',
        }}
      >
        <Box sx={{ position: 'relative', flex: 1, minWidth: 280 }}>
          <TextField
            inputRef={inputRef}
            type="search"
            fullWidth
            autoComplete="off"
            placeholder={t('box.placeholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            slotProps={{
              htmlInput: {
                'aria-label': t('box.label'),
                'aria-describedby': HINT_ID,
                'aria-controls': controls,
                maxLength: 200,
                spellCheck: false,
              },
              input: {
                sx: { bgcolor: 'background.paper', fontSize: '1.05rem' },
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon aria-hidden />
                  </InputAdornment>
                ),
                endAdornment: (
                  <InputAdornment position="end" aria-hidden>
                    <kbd translate="no">{shortcutLabel('K')}</kbd>
                  </InputAdornment>
                ),
              },
            }}
          />
          {loading && (
            <LinearProgress
              aria-label={t('box.searching')}
              sx={{
                position: 'absolute',
                left: 4,
                right: 4,
                bottom: 0,
                height: 3,
                borderRadius: 2,
              }}
            />
          )}
        </Box>
        <FormControlLabel
          control={
            <Checkbox
              checked={awayOnly}
              onChange={(event) => props.setAwayOnly(event.target.checked)}
            />
          }
          label={
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
              <WrongLocationOutlinedIcon
                fontSize="small"
                sx={{ color: 'warning.main' }}
                aria-hidden
              />
              {t('box.awayOnly')}
            </Box>
          }
          sx={{ mr: 0, flexShrink: 0, whiteSpace: 'nowrap' }}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={reusedOnly}
              onChange={(event) => props.setReusedOnly(event.target.checked)}
            />
          }
          label={
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
              <ContentCopyOutlinedIcon
                fontSize="small"
                sx={{ color: 'warning.main' }}
                aria-hidden
              />
              {t('box.reusedOnly')}
            </Box>
          }
          sx={{ mr: 0, flexShrink: 0, whiteSpace: 'nowrap' }}
        />
      </Box>
      <Typography
        id={HINT_ID}
        variant="caption"
        component="p"
        sx={{ color: 'text.secondary', mt: 0.75 }}
      >
        <Trans
          t={t}
          i18nKey="box.hint"
          values={{ shortcut: shortcutLabel('K') }}
          components={{ 0: <kbd translate="no" /> }}
        />
      </Typography>
    </Box>
  )
}
