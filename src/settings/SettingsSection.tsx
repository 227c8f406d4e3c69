// One section of the Settings screen: a titled panel. Its parts (Sync, Data kept on this
// computer, Support, …) each fill one.
import type { ReactNode } from 'react'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'

export function SettingsSection(props: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={props.id}
      sx={{ p: 2.5, typography: 'body2', display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Typography variant="h2" id={props.id}>
        {props.title}
      </Typography>
      {props.children}
    </Paper>
  )
}
