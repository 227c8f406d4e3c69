// Where the parcel should have gone and where the driver says it went. Loaded lazily: Leaflet is
// the largest thing on the delivery screen and nothing else needs it.
import 'leaflet/dist/leaflet.css'
import './map.css'
import { useCallback, useMemo, useState } from 'react'
import L from 'leaflet'
import CloudOffOutlinedIcon from '@mui/icons-material/CloudOffOutlined'
import type { LatLngBoundsExpression, LatLngTuple } from 'leaflet'
import type { TFunction } from 'i18next'
import {
  AttributionControl,
  Circle,
  CircleMarker,
  MapContainer,
  Marker,
  ScaleControl,
  Tooltip,
  ZoomControl,
} from 'react-leaflet'
import { Trans, useTranslation } from 'react-i18next'
import type { DeliveryDetail, DeliveryPhoto } from '../../electron/core/api/definition.ts'
import { formatAccuracy } from '../../electron/core/api/display-format.ts'
import { BasemapLayer, MAP_MAX_ZOOM, type TileCoverage } from './BasemapLayer.tsx'
import { formatMetres } from './distance.ts'
import { MAP_COLOURS } from './mapColours.ts'
import type { DistanceLineSpec } from './DistanceLines.tsx'
import { DistanceLines } from './DistanceLines.tsx'

type Props = {
  address: DeliveryDetail['address']
  dropOff: DeliveryDetail['dropOff']
  /** Photos whose location may be shown (never those of a withheld delivery). */
  photos: DeliveryPhoto[]
  locationCheck: DeliveryDetail['locationCheck']
  selectedPhotoIndex: number
  onSelectPhoto: (index: number) => void
}

function pin(kind: 'address' | 'drop-off', letter: string, colour: string): L.DivIcon {
  return L.divIcon({
    className: `pl-pin pl-pin--${kind}`,
    html: `<span class="pl-pin__head" style="background:${colour}" aria-hidden="true"><span class="pl-pin__letter">${letter}</span></span>`,
    iconSize: [28, 36],
    iconAnchor: [14, 36],
    tooltipAnchor: [0, -32],
  })
}

export default function DeliveryMap(props: Props) {
  const { address, dropOff, photos, locationCheck, selectedPhotoIndex, onSelectPhoto } = props
  const { t } = useTranslation('delivery')
  const addressLetter = t('map.addressLetter')
  const dropOffLetter = t('map.dropOffLetter')
  const addressIcon = useMemo(
    () => pin('address', addressLetter, MAP_COLOURS.address),
    [addressLetter],
  )
  const dropOffIcon = useMemo(
    () => pin('drop-off', dropOffLetter, MAP_COLOURS.dropOff),
    [dropOffLetter],
  )
  const mapLabel = t('map.label')
  const nameMap = useCallback((map: L.Map | null) => nameMapContainer(map, mapLabel), [mapLabel])
  const addressPoint = address.location
  const dropOffPoint = dropOff.location
  const [coverage, setCoverage] = useState<TileCoverage>('loading')
  const onCoverage = useCallback((next: TileCoverage) => setCoverage(next), [])

  const photoPoints = useMemo(() => {
    const measured = new Map(locationCheck.photoDistancesM.map((p) => [p.photoId, p.distanceM]))
    return photos.flatMap((photo, index) =>
      photo.location
        ? [
            {
              index,
              photo,
              location: photo.location,
              distanceM: measured.get(photo.id) ?? null,
            },
          ]
        : [],
    )
  }, [photos, locationCheck])

  const points: LatLngTuple[] = useMemo(
    () =>
      [addressPoint, dropOffPoint, ...photoPoints.map((p) => p.location)]
        .filter((p): p is NonNullable<typeof p> => p !== null)
        .map((p) => [p.lat, p.lng]),
    [addressPoint, dropOffPoint, photoPoints],
  )

  if (points.length === 0) return null

  const view =
    points.length === 1
      ? { center: points[0], zoom: 17 }
      : {
          bounds: points as LatLngBoundsExpression,
          boundsOptions: { padding: [48, 48] as [number, number], maxZoom: MAP_MAX_ZOOM },
        }

  const isAway = (distanceM: number, accuracyM: number | undefined) =>
    distanceM - (accuracyM ?? 0) > locationCheck.thresholdM

  // The drop-off first, then the photo on screen, then the others: where labels would collide,
  // the first one keeps its label.
  const lines: DistanceLineSpec[] = []
  const dropOffDistanceM = locationCheck.dropOffDistanceM
  if (addressPoint && dropOffPoint && dropOffDistanceM !== null) {
    const distanceM = dropOffDistanceM
    lines.push({
      key: 'drop-off',
      kind: 'drop-off',
      to: dropOffPoint,
      distanceM,
      away: isAway(distanceM, dropOffPoint.accuracyM),
    })
  }
  if (addressPoint) {
    const ordered = [...photoPoints].sort(
      (a, b) => Number(b.index === selectedPhotoIndex) - Number(a.index === selectedPhotoIndex),
    )
    for (const p of ordered) {
      if (p.distanceM === null) continue
      lines.push({
        key: p.photo.id,
        kind: 'photo',
        to: p.location,
        distanceM: p.distanceM,
        away: isAway(p.distanceM, p.location.accuracyM),
      })
    }
  }

  return (
    <div className="pl-map-frame">
      <MapContainer
        {...view}
        className="pl-map"
        scrollWheelZoom
        zoomControl={false}
        attributionControl={false}
        maxZoom={MAP_MAX_ZOOM}
        ref={nameMap}
        style={{ height: '100%', width: '100%' }}
      >
        <ZoomControl zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        <AttributionControl prefix={leafletCredit(t('map.leaflet'))} />
        <BasemapLayer onCoverage={onCoverage} />
        <ScaleControl position="bottomleft" imperial={false} />

        {dropOffPoint?.accuracyM !== undefined && (
          <Circle
            center={[dropOffPoint.lat, dropOffPoint.lng]}
            radius={dropOffPoint.accuracyM}
            interactive={false}
            pathOptions={{
              color: MAP_COLOURS.dropOff,
              weight: 1,
              opacity: 0.7,
              fillColor: MAP_COLOURS.dropOff,
              fillOpacity: 0.12,
            }}
          />
        )}

        {photoPoints.map(({ index, photo, location }) =>
          location.accuracyM !== undefined ? (
            <Circle
              key={`accuracy-${photo.id}`}
              center={[location.lat, location.lng]}
              radius={location.accuracyM}
              interactive={false}
              pathOptions={{
                color: MAP_COLOURS.photo,
                weight: 1,
                opacity: index === selectedPhotoIndex ? 0.8 : 0.45,
                dashArray: index === selectedPhotoIndex ? undefined : '3 3',
                fillColor: MAP_COLOURS.photo,
                fillOpacity: index === selectedPhotoIndex ? 0.12 : 0.05,
              }}
            />
          ) : null,
        )}

        {addressPoint && <DistanceLines from={addressPoint} lines={lines} />}

        {photoPoints.map(({ index, photo, location, distanceM }) => (
          <CircleMarker
            key={photo.id}
            center={[location.lat, location.lng]}
            radius={index === selectedPhotoIndex ? 7 : 5}
            pathOptions={{
              color: '#ffffff',
              weight: 2,
              fillColor: MAP_COLOURS.photo,
              fillOpacity: index === selectedPhotoIndex ? 1 : 0.75,
            }}
            eventHandlers={{ click: () => onSelectPhoto(index), add: keepOutOfTabOrder }}
          >
            <Tooltip direction="top">
              {photoTooltip(t, index + 1, location.accuracyM, distanceM)}
            </Tooltip>
          </CircleMarker>
        ))}

        {addressPoint && (
          <Marker
            position={[addressPoint.lat, addressPoint.lng]}
            icon={addressIcon}
            title={t('map.address')}
            alt={t('map.address')}
            zIndexOffset={100}
          >
            <Tooltip direction="top">
              <Trans
                t={t}
                i18nKey="map.addressTooltip"
                values={{ line1: address.line1, city: address.city }}
                components={{ 0: <span translate="no" /> }}
              />
            </Tooltip>
          </Marker>
        )}

        {dropOffPoint && (
          <Marker
            position={[dropOffPoint.lat, dropOffPoint.lng]}
            icon={dropOffIcon}
            title={t('map.dropOff')}
            alt={t('map.dropOff')}
            zIndexOffset={200}
          >
            <Tooltip direction="top">
              {dropOffPoint.accuracyM !== undefined
                ? t('map.dropOffTooltipAccuracy', {
                    accuracy: formatAccuracy(dropOffPoint.accuracyM),
                  })
                : t('map.dropOffTooltip')}
            </Tooltip>
          </Marker>
        )}
      </MapContainer>
      <TilesUnavailableNote coverage={coverage} />
    </div>
  )
}

/**
 * Said quietly where tiles could not be had (offline, or outside every map file): the markers,
 * circles, distances and scale still stand on the plain grid, so this is a note, not an error.
 */
function TilesUnavailableNote({ coverage }: { coverage: TileCoverage }) {
  const { t } = useTranslation('delivery')
  const text =
    coverage === 'none' ? t('map.tilesNone') : coverage === 'partial' ? t('map.tilesSome') : null
  return (
    <div className="pl-map-note" role="status">
      {text && (
        <span className="pl-map-note__text">
          <CloudOffOutlinedIcon fontSize="inherit" aria-hidden="true" />
          {text}
        </span>
      )}
    </div>
  )
}

/**
 * Photo dots are a mouse shortcut to the thumbnails, which keyboard users already have; as tab
 * stops they would only be unnamed SVG paths.
 */
function keepOutOfTabOrder(event: L.LeafletEvent): void {
  const element = (event.target as L.Path).getElement()
  element?.setAttribute('tabindex', '-1')
}

/** Leaflet's own credit, as Leaflet writes it, with its description in the language spoken. */
function leafletCredit(description: string): string {
  const title = description.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<a href="https://leafletjs.com" title="${title}"><span translate="no">Leaflet</span></a>`
}

/** "Photo 2 was taken here (±8 m), 41 m from the address": as much as is known. */
function photoTooltip(
  t: TFunction<'delivery'>,
  number: number,
  accuracyM: number | undefined,
  distanceM: number | null,
): string {
  const accuracy = accuracyM !== undefined ? formatAccuracy(accuracyM) : null
  const distance = distanceM !== null ? formatMetres(distanceM) : null
  if (accuracy && distance) {
    return t('map.photoHereAccuracyDistance', { number, accuracy, distance })
  }
  if (accuracy) return t('map.photoHereAccuracy', { number, accuracy })
  if (distance) return t('map.photoHereDistance', { number, distance })
  return t('map.photoHere', { number })
}

/** Gives the map's focusable container a name (which says what its keys do). */
function nameMapContainer(map: L.Map | null, label: string): void {
  if (!map) return
  const container = map.getContainer()
  container.setAttribute('role', 'region')
  container.setAttribute('aria-label', label)
}
