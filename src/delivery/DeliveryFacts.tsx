// The delivery's facts, grouped the way an agent checks them on a call: who, where, what happened,
// what was in the parcel.
import type { ReactNode } from 'react'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { Trans, useTranslation } from 'react-i18next'
import type { DeliveryDetail } from '../../electron/core/api/definition.ts'
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
  const { t } = useTranslation('delivery')
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
        <FactSection title={t('facts.delivery')} id="facts-delivery">
          <FactList>
            <Fact term={t('facts.delivered')}>
              {delivery.deliveredAt ? (
                <>
                  <DeliveryTime iso={delivery.deliveredAt} timeZone={delivery.timeZone} />
                  <Secondary>{formatRelative(delivery.deliveredAt, now)}</Secondary>
                </>
              ) : (
                <Secondary>{t('facts.notDelivered')}</Secondary>
              )}
            </Fact>
            <Fact term={t('facts.left')}>{dropOffSpotText(dropOff.spot)}</Fact>
            <Fact term={t('facts.driversNote')}>
              {dropOff.note ? (
                <Box
                  component="q"
                  translate="no"
                  sx={{ fontStyle: 'italic', whiteSpace: 'pre-line' }}
                >
                  {dropOff.note}
                </Box>
              ) : (
                <Secondary>{t('facts.noNote')}</Secondary>
              )}
            </Fact>
            <Fact term={t('facts.driver')}>
              <span translate="no">
                <PersonName id={driver.id} fallback={driver.name} />
              </span>
              <Secondary>
                <Trans
                  t={t}
                  i18nKey="facts.driverId"
                  values={{ id: driver.id }}
                  components={{ 0: <span translate="no" /> }}
                />
              </Secondary>
            </Fact>
            <Fact term={t('facts.photos')}>
              {photoCount === null
                ? t('facts.photosWithheld')
                : photoCount === 0
                  ? t('facts.photosNone')
                  : t('facts.photoCount', { count: photoCount })}
            </Fact>
          </FactList>
        </FactSection>
      </Box>

      <Box>
        <FactSection title={t('facts.customer')} id="facts-customer">
          <FactList>
            <Fact term={t('facts.name')}>
              <span translate="no">{customer.name}</span>
            </Fact>
            <Fact term={t('facts.email')}>
              {customer.email ? (
                <Box component="span" translate="no" sx={{ overflowWrap: 'anywhere' }}>
                  {customer.email}
                </Box>
              ) : (
                <Secondary>{t('facts.notGiven')}</Secondary>
              )}
            </Fact>
            <Fact term={t('facts.phone')}>
              {customer.phone ? (
                <span translate="no">{formatPhone(customer.phone)}</span>
              ) : (
                <Secondary>{t('facts.notGiven')}</Secondary>
              )}
            </Fact>
            <Fact term={t('facts.address')}>
              <Box component="address" translate="no" sx={{ fontStyle: 'normal' }}>
                {addressLines(address).map((line, index) => (
                  <Box component="span" key={index} sx={{ display: 'block' }}>
                    {line}
                  </Box>
                ))}
              </Box>
            </Fact>
          </FactList>
        </FactSection>

        <FactSection
          title={itemCount > 0 ? t('facts.itemsCounted', { count: itemCount }) : t('facts.items')}
          id="facts-items"
        >
          {items.length === 0 ? (
            <Secondary>{t('facts.noItems')}</Secondary>
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
                    {t('facts.quantity', { count: item.quantity })}
                  </Box>
                  <Box component="span" sx={{ minWidth: 0 }}>
                    <span translate="no">{item.title}</span>
                    {item.sku && (
                      <Secondary>
                        <Trans
                          t={t}
                          i18nKey="facts.sku"
                          values={{ sku: item.sku }}
                          components={{ 0: <span translate="no" /> }}
                        />
                      </Secondary>
                    )}
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
