// The photo viewer's tools: zoom out, the zoom level, zoom in, fit, rotate left and right, full
// screen. Each says its key; in full screen the tooltips are put inside the panel.
import type { ReactNode } from 'react'
import Divider from '@mui/material/Divider'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import FitScreenOutlinedIcon from '@mui/icons-material/FitScreenOutlined'
import FullscreenExitIcon from '@mui/icons-material/FullscreenExit'
import FullscreenIcon from '@mui/icons-material/Fullscreen'
import RotateLeftIcon from '@mui/icons-material/RotateLeft'
import RotateRightIcon from '@mui/icons-material/RotateRight'
import ZoomInIcon from '@mui/icons-material/ZoomIn'
import ZoomOutIcon from '@mui/icons-material/ZoomOut'
import { useTranslation } from 'react-i18next'
import type { Fullscreen } from './useFullscreen.ts'
import type { PhotoView } from './usePhotoView.ts'
import { isZoomed, MAX_ZOOM } from './viewTransform.ts'

export function ViewerToolbar({
  photoView,
  fullscreen,
}: {
  photoView: PhotoView
  fullscreen: Fullscreen
}) {
  const { t } = useTranslation('delivery')
  const { view } = photoView
  const zoomed = isZoomed(view)
  // Tooltips live in <body>, which is not shown in full screen; then they go in the panel.
  const container = fullscreen.active ? fullscreen.element : undefined
  const tool = (
    label: string,
    keys: string,
    keyLabel: string,
    icon: ReactNode,
    onClick: () => void,
    disabled = false,
  ) => (
    <Tooltip
      title={t('viewer.toolTooltip', { tool: label, key: keyLabel })}
      slotProps={{ popper: { container } }}
    >
      <span>
        <IconButton
          size="small"
          aria-label={label}
          aria-keyshortcuts={keys}
          disabled={disabled}
          onClick={onClick}
        >
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  )
  return (
    <Stack
      direction="row"
      role="toolbar"
      aria-label={t('viewer.tools')}
      sx={{ alignItems: 'center', gap: 0.25, flexShrink: 0 }}
    >
      {tool(
        t('viewer.zoomOut'),
        '-',
        '−',
        <ZoomOutIcon fontSize="small" />,
        () => photoView.zoomOut(),
        !zoomed,
      )}
      <Typography
        variant="caption"
        aria-live="polite"
        sx={{
          minWidth: 40,
          textAlign: 'center',
          color: 'text.secondary',
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        {zoomed ? t('viewer.zoomLevel', { zoom: view.zoom }) : t('viewer.fit')}
      </Typography>
      {tool(
        t('viewer.zoomIn'),
        '+',
        '+',
        <ZoomInIcon fontSize="small" />,
        () => photoView.zoomIn(),
        view.zoom >= MAX_ZOOM,
      )}
      {tool(
        t('viewer.fit'),
        '0',
        '0',
        <FitScreenOutlinedIcon fontSize="small" />,
        photoView.fit,
        !zoomed,
      )}
      <Divider orientation="vertical" flexItem sx={{ mx: 0.5, my: 1 }} />
      {tool(
        t('viewer.rotateLeft'),
        'Shift+R',
        t('viewer.keyShiftR'),
        <RotateLeftIcon fontSize="small" />,
        () => photoView.rotate(-1),
      )}
      {tool(t('viewer.rotateRight'), 'R', 'R', <RotateRightIcon fontSize="small" />, () =>
        photoView.rotate(1),
      )}
      <Divider orientation="vertical" flexItem sx={{ mx: 0.5, my: 1 }} />
      {fullscreen.active
        ? tool(
            t('viewer.exitFullScreen'),
            'Escape',
            t('viewer.keyEscape'),
            <FullscreenExitIcon fontSize="small" />,
            fullscreen.exit,
          )
        : tool(
            t('viewer.fullScreen'),
            'F',
            'F',
            <FullscreenIcon fontSize="small" />,
            fullscreen.toggle,
          )}
    </Stack>
  )
}
