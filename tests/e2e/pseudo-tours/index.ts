// Every area's tour, in the order the spec runs them (session last: it signs out).
import { casesTour } from './cases.ts'
import { deliveryTour } from './delivery.ts'
import { frameTour } from './frame.ts'
import { reportsTour } from './reports.ts'
import { searchTour } from './search.ts'
import { sessionTour } from './session.ts'
import { settingsTour } from './settings.ts'
import { syncTour } from './sync.ts'
import type { Tour } from './tour.ts'

export const TOURS: Tour[] = [
  frameTour,
  searchTour,
  deliveryTour,
  casesTour,
  reportsTour,
  syncTour,
  settingsTour,
  sessionTour,
]
