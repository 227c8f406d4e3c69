// What the last run could not take: the records the service sent that Porchlight could not store,
// with the validator's reason, and the photos it could not fetch or show.
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import type { SyncReport } from '../../electron/core/api/definition.ts'
import { routeHref } from '../navigation/route.ts'
import { reasonInWords, streamLabel } from './syncWords.ts'
import { REPORT_LIMIT, Section, Muted, EmptyNote, LimitNote } from './ReportSection.tsx'
import { fromCore } from './coreWords.ts'

export const MONOSPACE = 'ui-monospace, "Roboto Mono", "Cascadia Mono", Menlo, monospace'
export function Rejections({ rejections }: { rejections: SyncReport['rejections'] }) {
  const { t } = useTranslation('sync')
  return (
    <Section
      id="rejections-heading"
      title={t('rejections.title')}
      count={rejections.length}
      description={rejections.length > 0 ? t('rejections.intro') : undefined}
    >
      {rejections.length === 0 ? (
        <EmptyNote ok>{t('rejections.none')}</EmptyNote>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby="rejections-heading">
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('rejections.kind')}</TableCell>
                <TableCell scope="col">{t('rejections.id')}</TableCell>
                <TableCell scope="col" sx={{ width: '32%' }}>
                  {t('rejections.wrong')}
                </TableCell>
                <TableCell scope="col" sx={{ width: '40%' }}>
                  {t('rejections.reason')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rejections.map((rejection, index) => {
                const { words } = reasonInWords(rejection.reason)
                return (
                  <TableRow key={`${rejection.stream}-${rejection.itemId ?? ''}-${index}`}>
                    <TableCell>{streamLabel(rejection.stream)}</TableCell>
                    <TableCell
                      sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', whiteSpace: 'nowrap' }}
                    >
                      {rejection.itemId !== null ? (
                        <span translate="no">{rejection.itemId}</span>
                      ) : (
                        <Muted>{t('rejections.noId')}</Muted>
                      )}
                    </TableCell>
                    <TableCell>{words}</TableCell>
                    {/* The validator's own words, as the log has them: a developer searches for them. */}
                    <TableCell
                      translate="no"
                      sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', overflowWrap: 'anywhere' }}
                    >
                      {rejection.reason}
                    </TableCell>
                  </TableRow>
                )
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {rejections.length >= REPORT_LIMIT && <LimitNote />}
    </Section>
  )
}

export function PhotoProblems({ problems }: { problems: SyncReport['photoProblems'] }) {
  const { t } = useTranslation('sync')
  return (
    <Section
      id="photo-problems-heading"
      title={t('photoProblems.title')}
      count={problems.length}
      description={problems.length > 0 ? t('photoProblems.intro') : undefined}
    >
      {problems.length === 0 ? (
        <EmptyNote ok>{t('photoProblems.none')}</EmptyNote>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby="photo-problems-heading">
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('photoProblems.order')}</TableCell>
                <TableCell scope="col">{t('photoProblems.id')}</TableCell>
                <TableCell scope="col" sx={{ width: '60%' }}>
                  {t('photoProblems.reason')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {problems.map((problem) => (
                <TableRow key={problem.photoId}>
                  <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
                    <Link
                      href={routeHref({ screen: 'delivery', deliveryId: problem.deliveryId })}
                      underline="hover"
                      aria-label={t('photoProblems.open', { order: problem.orderId })}
                    >
                      <span translate="no">{problem.orderId}</span>
                    </Link>
                  </TableCell>
                  <TableCell translate="no" sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem' }}>
                    {problem.photoId}
                  </TableCell>
                  <TableCell>{fromCore(problem.reason)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {problems.length >= REPORT_LIMIT && <LimitNote />}
    </Section>
  )
}
