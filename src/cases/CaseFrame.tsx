// The Case screen's frame and its states before there is a case to show: the way back to the
// queue, the skeleton while it loads, and the case that is not in the local copy.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import ArrowBackIcon from '@mui/icons-material/ArrowBack'
import SearchOffIcon from '@mui/icons-material/SearchOff'
import { useTranslation } from 'react-i18next'

export const CASE_HEADING_ID = 'case-heading'

export function CaseFrame({ children }: { children: ReactNode }) {
  return (
    <Box
      component="main"
      aria-labelledby={CASE_HEADING_ID}
      sx={{
        gridArea: 'main',
        overflow: 'auto',
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
      }}
    >
      {children}
    </Box>
  )
}

export function BackToCases({ href }: { href: string }) {
  const { t } = useTranslation('cases')
  return (
    <Box>
      <Button
        href={href}
        size="small"
        startIcon={<ArrowBackIcon />}
        sx={{ ml: -1 }}
        aria-keyshortcuts="Escape"
      >
        {t('case.back')}
      </Button>
    </Box>
  )
}

export function CaseSkeleton() {
  const { t } = useTranslation('cases')
  return (
    <Box aria-label={t('case.loading')} role="progressbar" sx={{ display: 'grid', gap: 2 }}>
      <Skeleton variant="text" width={360} height={44} />
      <Skeleton variant="text" width={620} />
      <Skeleton variant="rounded" height={52} />
      <Box sx={{ display: 'grid', gridTemplateColumns: '1.5fr 1fr', gap: 2.5 }}>
        <Skeleton variant="rounded" height={320} />
        <Skeleton variant="rounded" height={320} />
      </Box>
    </Box>
  )
}

export function CaseNotFound() {
  const { t } = useTranslation('cases')
  return (
    <Box sx={{ py: 6, textAlign: 'center', color: 'text.secondary' }}>
      <SearchOffIcon sx={{ fontSize: 48, opacity: 0.5 }} aria-hidden />
      <Typography variant="h1" sx={{ color: 'text.primary', mt: 1 }}>
        {t('case.notFoundTitle')}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {t('case.notFoundHint')}
      </Typography>
    </Box>
  )
}
