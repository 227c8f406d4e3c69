// The delivery's facts, grouped the way an agent checks them on a call: who, where, what happened,
// what was in the parcel.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
import { plural } from '../format/numbers.ts'
import { formatRelative, useNow } from '../format/time.ts'
import { addressLines } from './address.ts'
import { dropOffSpotText } from './labels.ts'
import { DeliveryTime } from '../ui/Times.tsx'
import { formatPhone } from '../format/phone.ts'
import { PersonName } from '../ui/PersonName.tsx'

export function DeliveryFacts(props: {
  delivery: DeliveryDetail
  /** A column beside the facts: the cases on the delivery and earlier claims. */
  aside?: ReactNode
}) {
  const { delivery, aside } = props
  const now = useNow()
  const { customer, address, dropOff, driver, items } = delivery
  const photoCount = delivery.photoWithheld ? null : delivery.photos.length
  const itemCount = items.reduce((sum, item) => sum + item.quantity, 0)

  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: {
          xs: '1fr',
          md: 'repeat(2, minmax(0, 1fr))',
          lg: 'minmax(0, 4fr) minmax(0, 4fr) minmax(0, 4fr)',
        },
        alignItems: 'start',
        '& > *': { display: 'grid', gap: 2, minWidth: 0 },
      }}
    >
      <Box>
        <FactSection title="Delivery" id="facts-delivery">
          <FactList>
            <Fact term="Delivered">
              {delivery.deliveredAt ? (
                <>
                  <DeliveryTime iso={delivery.deliveredAt} timeZone={delivery.timeZone} />
                  <Secondary>{formatRelative(delivery.deliveredAt, now)}</Secondary>
                </>
              ) : (
                <Secondary>Not delivered</Secondary>
              )}
            </Fact>
            <Fact term="Left">{dropOffSpotText(dropOff.spot)}</Fact>
            <Fact term="Driver’s note">
              {dropOff.note ? (
                <Box component="q" sx={{ fontStyle: 'italic', whiteSpace: 'pre-line' }}>
                  {dropOff.note}
                </Box>
              ) : (
                <Secondary>No note</Secondary>
              )}
            </Fact>
            <Fact term="Driver">
              <PersonName id={driver.id} fallback={driver.name} />
              <Secondary>ID {driver.id}</Secondary>
            </Fact>
            <Fact term="Photos">
              {photoCount === null
                ? 'Withheld'
                : photoCount === 0
                  ? 'None'
                  : plural(photoCount, 'photo', 'photos')}
            </Fact>
          </FactList>
        </FactSection>
      </Box>

      <Box>
        <FactSection title="Customer" id="facts-customer">
          <FactList>
            <Fact term="Name">{customer.name}</Fact>
            <Fact term="Email">
              {customer.email ? (
                <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
                  {customer.email}
                </Box>
              ) : (
                <Secondary>Not given</Secondary>
              )}
            </Fact>
            <Fact term="Phone">
              {customer.phone ? formatPhone(customer.phone) : <Secondary>Not given</Secondary>}
            </Fact>
            <Fact term="Address">
              <Box component="address" sx={{ fontStyle: 'normal' }}>
                {addressLines(address).map((line, index) => (
                  <Box component="span" key={index} sx={{ display: 'block' }}>
                    {line}
                  </Box>
                ))}
              </Box>
            </Fact>
          </FactList>
        </FactSection>

        <FactSection title={`Items${itemCount > 0 ? ` (${itemCount})` : ''}`} id="facts-items">
          {items.length === 0 ? (
            <Secondary>No items were listed.</Secondary>
          ) : (
            <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 0.75 }}>
              {items.map((item, index) => (
                <Box
                  component="li"
                  key={`${item.sku ?? 'item'}-${index}`}
                  sx={{ display: 'flex', gap: 1 }}
                >
                  <Box
                    component="span"
                    sx={{
                      color: 'text.secondary',
                      minWidth: 28,
                      fontVariantNumeric: 'tabular-nums',
                    }}
                  >
                    {item.quantity}×
                  </Box>
                  <Box component="span" sx={{ minWidth: 0 }}>
                    {item.title}
                    {item.sku && <Secondary>SKU {item.sku}</Secondary>}
                  </Box>
                </Box>
              ))}
            </Box>
          )}
        </FactSection>
      </Box>

      {aside && <Box>{aside}</Box>}
    </Box>
  )
}

function FactSection({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={id}
      sx={{ p: 2, typography: 'body2', minWidth: 0 }}
    >
      <Typography variant="h2" id={id} sx={{ mb: 1.25 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  )
}

function FactList({ children }: { children: ReactNode }) {
  return (
    <Box component="dl" sx={{ m: 0 }}>
      {children}
    </Box>
  )
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: '96px minmax(0, 1fr)',
        columnGap: 1.5,
        py: 0.5,
        '& + &': { borderTop: 1, borderColor: 'divider' },
      }}
    >
      <Box component="dt" sx={{ color: 'text.secondary' }}>
        {term}
      </Box>
      <Box component="dd" sx={{ m: 0, minWidth: 0 }}>
        {children}
      </Box>
    </Box>
  )
}

function Secondary({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: '0.8rem' }}>
      {children}
    </Box>
  )
}
