// Kysely's view of the tables (see migrations/ for the DDL).
export interface DeliveriesTable {
  id: string
  version: number
  updated_at: string
  order_id: string
  tracking_number: string
  status: string
  delivered_at: string | null
  customer_id: string
  customer_name: string
  customer_email: string | null
  customer_phone: string | null
  address_line1: string
  address_line2: string | null
  city: string
  region: string | null
  postal_code: string
  country: string
  address_lat: number | null
  address_lng: number | null
  drop_spot: string
  drop_note: string | null
  drop_lat: number | null
  drop_lng: number | null
  drop_accuracy_m: number | null
  driver_id: string
  driver_name: string
  photo_withheld: string | null
  items_json: string
}

export type PhotoState = 'pending' | 'stored' | 'failed'

export interface DeliveryPhotosTable {
  id: string
  delivery_id: string
  position: number
  sha256: string
  bytes: number
  content_type: string
  width: number | null
  height: number | null
  taken_at: string
  lat: number | null
  lng: number | null
  accuracy_m: number | null
  state: PhotoState
  failure_reason: string | null
  attempts: number
}

export interface SyncCursorsTable {
  stream: string
  cursor: string
  updated_at: string
}

export interface SyncRejectionsTable {
  id: number | null
  stream: string
  item_id: string | null
  reason: string
  received_at: string
}

export interface AppStateTable {
  key: string
  value: string
}

export interface Database {
  deliveries: DeliveriesTable
  delivery_photos: DeliveryPhotosTable
  sync_cursors: SyncCursorsTable
  sync_rejections: SyncRejectionsTable
  app_state: AppStateTable
}
