import type { Migration } from 'kysely/migration'
import * as initial001 from './001-initial.ts'
import * as caseWork002 from './002-case-work.ts'
import * as reports003 from './003-reports.ts'
import * as privacy004 from './004-privacy.ts'
import * as fastSearch005 from './005-fast-search.ts'
import * as rowCounts006 from './006-row-counts.ts'
import * as dropUnreadIndexes007 from './007-drop-unread-indexes.ts'
import * as cacheOwner008 from './008-cache-owner.ts'
import * as syncRunServiceWait009 from './009-sync-run-service-wait.ts'
import * as photoFingerprints010 from './010-photo-fingerprints.ts'
import * as people011 from './011-people.ts'
import * as noteAudience012 from './012-note-audience.ts'
import * as photoDetailHash013 from './013-photo-detail-hash.ts'
import * as caseTicket014 from './014-case-ticket.ts'
import * as phoneRuns015 from './015-phone-runs.ts'
import * as photoFileOrder016 from './016-photo-file-order.ts'

/** Every schema change, in order. Names sort in the order they must run; never edit one that shipped. */
export const migrations: Record<string, Migration> = {
  '001-initial': initial001,
  '002-case-work': caseWork002,
  '003-reports': reports003,
  '004-privacy': privacy004,
  '005-fast-search': fastSearch005,
  '006-row-counts': rowCounts006,
  '007-drop-unread-indexes': dropUnreadIndexes007,
  '008-cache-owner': cacheOwner008,
  '009-sync-run-service-wait': syncRunServiceWait009,
  '010-photo-fingerprints': photoFingerprints010,
  '011-people': people011,
  '012-note-audience': noteAudience012,
  '013-photo-detail-hash': photoDetailHash013,
  '014-case-ticket': caseTicket014,
  '015-phone-runs': phoneRuns015,
  '016-photo-file-order': photoFileOrder016,
}
