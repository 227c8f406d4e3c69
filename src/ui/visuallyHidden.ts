// Styles for text only screen readers should get (live announcements, fuller link names), in one
// place: MUI's own helper. Never hand-written in `sx`: there `width: 1, height: 1` means 100 %,
// and a "hidden" box the size of its container lets the whole window scroll to blank space.
import muiVisuallyHidden from '@mui/utils/visuallyHidden'

export const visuallyHidden = muiVisuallyHidden
