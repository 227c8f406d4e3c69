// Shapes shared inside the demo service. Wire shapes come from the contract's schemas; these are
// the world's own views of them (records before their photos are rendered, scenes to render).
import type {
  CaseEvent,
  DeliveryRecord,
  DeliveryTombstone,
  LatLng,
  Photo,
  PhotoViewEvent,
} from '../contract/schemas.ts'

export type DropOffSpot = DeliveryRecord['dropOff']['spot']

/** A photo as the world knows it before its JPEG exists: everything but `sha256` and `bytes`. */
export type PhotoDraft = Omit<Photo, 'sha256' | 'bytes'>

/** A delivery record whose photos are drafts; the sync endpoint fills in the photo hashes. */
export type DeliveryDraft = Omit<DeliveryRecord, 'photos'> & { photos: PhotoDraft[] }
export type DeliveryDraftItem = DeliveryDraft | DeliveryTombstone

/** What tests may change on a delivery. Photos change only through `erasePhoto`. */
export type DeliveryPatch = Partial<
  Omit<DeliveryRecord, 'id' | 'version' | 'updatedAt' | 'deleted' | 'photos'>
>

/** Everything needed to render one photo, fixed when the world is generated. */
export interface PhotoScene {
  photoId: string
  spot: DropOffSpot
  width: number
  height: number
  seed: number
  /** Burned-in caption lines, upper-case ASCII (the caption font has nothing else). */
  caption: ReadonlyArray<string>
  /** Local hour of day, for the light. */
  localHour: number
  /** House or unit number on the door plate, when the scene shows one. */
  doorNumber: string | null
  /** The door is a flat's, so usually in a corridor rather than on the street. */
  indoors: boolean
  /** EXIF DateTimeOriginal ("YYYY:MM:DD HH:MM:SS", local) and its offset ("-07:00"). */
  localDateTime: string
  utcOffset: string
  location: LatLng | null
  /**
   * Set when the photo is an earlier one reused by its driver: the scene is that photo's, and the
   * file is made from its bytes this way ('same': the very same file).
   */
  reuse?: PhotoReuse
}

export type PhotoReuse =
  | { kind: 'same' }
  | { kind: 'reencoded'; quality: number }
  | { kind: 'resized'; scale: number }
  | { kind: 'cropped'; fraction: number }
  | { kind: 'brightened'; factor: number }

export type SyncStream = 'deliveries' | 'cases'

export interface AppliedCaseEvent {
  caseId: string
  event: CaseEvent
  userId: string
  /** Server time the event was applied. */
  appliedAt: string
  /** The case version the event produced. */
  version: number
}

export interface RecordedPhotoView {
  event: PhotoViewEvent
  userId: string
  receivedAt: string
}
