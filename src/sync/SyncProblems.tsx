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
import type { SyncReport } from '../../electron/core/api/definition.ts'
import { routeHref } from '../navigation/route.ts'
import { reasonInWords, streamLabel } from './syncWords.ts'
import { REPORT_LIMIT, Section, Muted, EmptyNote, LimitNote } from './ReportSection.tsx'

export const MONOSPACE = 'ui-monospace, "Roboto Mono", "Cascadia Mono", Menlo, monospace'
export function Rejections({ rejections }: { rejections: SyncReport['rejections'] }) {
  return (
    <Section
      id="rejections-heading"
      title="Records rejected in the last run"
      count={rejections.length}
      description={
        rejections.length > 0
          ? 'The delivery service sent these records in a form Porchlight cannot store, so they were skipped and are not in search. Send this list to the delivery service team; the records arrive with the next sync once they are corrected.'
          : undefined
      }
    >
      {rejections.length === 0 ? (
        <EmptyNote ok>The last sync rejected nothing.</EmptyNote>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby="rejections-heading">
            <TableHead>
              <TableRow>
                <TableCell scope="col">Kind</TableCell>
                <TableCell scope="col">Record ID</TableCell>
                <TableCell scope="col" sx={{ width: '32%' }}>
                  What is wrong
                </TableCell>
                <TableCell scope="col" sx={{ width: '40%' }}>
                  Validator’s reason
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
                      {rejection.itemId ?? <Muted>No ID</Muted>}
                    </TableCell>
                    <TableCell>{words}</TableCell>
                    <TableCell
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
  return (
    <Section
      id="photo-problems-heading"
      title="Photos that could not be fetched or shown"
      count={problems.length}
      description={
        problems.length > 0
          ? 'Agents see these deliveries without the photo. Porchlight has stopped trying to fetch them; each one is fetched again when the delivery service sends a corrected photo.'
          : undefined
      }
    >
      {problems.length === 0 ? (
        <EmptyNote ok>Every photo in the local copy was fetched and can be shown.</EmptyNote>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby="photo-problems-heading">
            <TableHead>
              <TableRow>
                <TableCell scope="col">Order</TableCell>
                <TableCell scope="col">Photo ID</TableCell>
                <TableCell scope="col" sx={{ width: '60%' }}>
                  Reason
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
                      aria-label={`Open order ${problem.orderId}`}
                    >
                      {problem.orderId}
                    </Link>
                  </TableCell>
                  <TableCell sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem' }}>
                    {problem.photoId}
                  </TableCell>
                  <TableCell>{problem.reason}</TableCell>
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
