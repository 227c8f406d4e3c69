import Chip from '@mui/material/Chip'
import Tooltip from '@mui/material/Tooltip'
import KeyOffOutlinedIcon from '@mui/icons-material/KeyOffOutlined'

/** Warns that the sign-in cannot be stored safely on this computer (kept in memory only). */
export function SessionNotice({ text }: { text: string }) {
  return (
    <Tooltip describeChild title={text}>
      <Chip
        icon={<KeyOffOutlinedIcon />}
        label="Sign-in not saved"
        color="warning"
        variant="outlined"
        size="small"
        tabIndex={0}
        aria-label={`Sign-in not saved. ${text}`}
        sx={{ fontWeight: 500 }}
      />
    </Tooltip>
  )
}
