// One photo in the strip: its thumbnail (never the full photo, which would count as a view), or
// an icon for a photo not downloaded or not shown, with its number.
import { useState } from 'react'
import Box from '@mui/material/Box'
import ButtonBase from '@mui/material/ButtonBase'
import BrokenImageOutlinedIcon from '@mui/icons-material/BrokenImageOutlined'
import CloudDownloadOutlinedIcon from '@mui/icons-material/CloudDownloadOutlined'
import PhotoOutlinedIcon from '@mui/icons-material/PhotoOutlined'
import { useTranslation } from 'react-i18next'
import type { DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { photoUrl } from '../api/client.ts'

export function Thumbnail(props: {
  photo: DeliveryPhoto
  index: number
  count: number
  selected: boolean
  onSelect: () => void
}) {
  const { photo, index, count, selected, onSelect } = props
  const { t } = useTranslation('delivery')
  const [failed, setFailed] = useState(false)
  const showImage = photo.state === 'stored' && !photo.displayError && photo.hasThumbnail && !failed
  const problem = photo.state === 'failed' || photo.displayError !== null
  return (
    <ButtonBase
      data-thumbnail
      onClick={onSelect}
      aria-label={t('photo.thumbnail', { number: index + 1, count })}
      aria-pressed={selected}
      tabIndex={selected ? 0 : -1}
      sx={{
        position: 'relative',
        width: 72,
        height: 54,
        flexShrink: 0,
        borderRadius: 1,
        overflow: 'hidden',
        border: 2,
        borderColor: selected ? 'primary.main' : 'divider',
        bgcolor: 'action.hover',
        color: 'text.secondary',
        '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    >
      {showImage ? (
        <Box
          component="img"
          src={photoUrl(photo.id, { variant: 'thumbnail' })}
          alt=""
          onError={() => setFailed(true)}
          sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
        />
      ) : photo.state === 'pending' ? (
        <CloudDownloadOutlinedIcon fontSize="small" aria-hidden />
      ) : problem ? (
        <BrokenImageOutlinedIcon fontSize="small" aria-hidden />
      ) : (
        <PhotoOutlinedIcon fontSize="small" aria-hidden />
      )}
      <Box
        component="span"
        aria-hidden
        sx={{
          position: 'absolute',
          left: 3,
          top: 3,
          minWidth: 16,
          height: 16,
          px: 0.5,
          borderRadius: 8,
          bgcolor: 'rgba(0, 0, 0, 0.65)',
          color: '#fff',
          fontSize: 11,
          fontWeight: 700,
          lineHeight: '16px',
        }}
      >
        {index + 1}
      </Box>
    </ButtonBase>
  )
}
