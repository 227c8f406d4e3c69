// Distances on screen. The core measures every distance once (electron/core/deliveries/
// location-check.ts) and hands it over with the delivery; the screen only writes it, in the same
// words as the exports ("1,859 m"), and never measures again.
export { formatDistance as formatMetres } from '../../electron/core/api/display-format.ts'

export type LatLngPoint = { lat: number; lng: number }
