/** The map's symbol colours, shared by the Leaflet layer and the legend beside it. */
export const MAP_COLOURS = {
  address: '#2d5b82',
  dropOff: '#c25e00',
  photo: '#7b3fa0',
} as const
