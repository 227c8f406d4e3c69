import Box from '@mui/material/Box'
import WbIncandescentOutlinedIcon from '@mui/icons-material/WbIncandescentOutlined'

/** The product's mark: a porch light. Decorative; the name beside it carries the meaning. */
export function BrandMark() {
  return (
    <Box
      aria-hidden="true"
      sx={{
        width: 32,
        height: 32,
        borderRadius: 1.5,
        display: 'grid',
        placeItems: 'center',
        // Fixed, not themed: the mark looks the same in light and dark, like an app icon.
        bgcolor: '#2d5b82',
        '& svg': { color: '#f6c667', transform: 'rotate(180deg)' },
      }}
    >
      <WbIncandescentOutlinedIcon fontSize="small" />
    </Box>
  )
}
