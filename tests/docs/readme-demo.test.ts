// The README's first steps in the demo are true of the demo world the app starts (seed 1, 2,000
// deliveries), whatever day it is started on: what each names is read from the README and looked
// up in the generated world.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../electron/core/demo-service/accounts.ts'
import { generateWorld } from '../../electron/core/demo-service/generate.ts'
import type { DeliveryDraft } from '../../electron/core/demo-service/index.ts'
import { COLLEAGUES, DRIVER_HABITS } from '../../electron/core/demo-service/names.ts'
import { EARLIER_MS } from '../../electron/core/photo-match/lookalikes.ts'
import { REPO_ROOT } from '../support/project-copy.ts'

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
const firstSteps = readme.slice(
  readme.indexOf('Three things to try first'),
  readme.indexOf('```sh\nnpm test'),
)
const item = (n: number) => {
  const match = new RegExp(`^${n}\\. \\*\\*(.+?)\\*\\* ([\\s\\S]+?)(?=^\\d\\. |^$)`, 'm').exec(
    firstSteps,
  )
  if (!match) throw new Error(`the README has no step ${n}`)
  return match[2]!.replace(/\s+/g, ' ')
}

// Two days apart, across a change of clocks (US daylight saving time ends on 2 November 2025).
describe.each(['2025-11-01T00:00:00Z', '2025-11-03T00:00:00Z'])(
  'the README’s three things to try, in the demo world of %s',
  (anchor) => {
    const world = generateWorld({ seed: 1, deliveries: 2000, anchor: new Date(anchor) })
    const deliveries = world.deliveries

    it('has three steps', () => {
      expect(firstSteps).toMatch(/^1\. /m)
      expect(firstSteps).toMatch(/^3\. /m)
    })

    it('1: the order names a photo its driver sent before, the same file, for another address', () => {
      const text = item(1)
      const orderId = /`(\d{3}-\d{7}-\d{7})`/.exec(text)![1]
      const [, driver, line1, line2] = /driver (\S+ \S+) sent earlier for ([^,]+), ([^.]+)\./.exec(
        text,
      )!
      const copy = deliveries.find((d) => d.orderId === orderId)!
      expect(copy.driver.name).toBe(driver)
      expect(DRIVER_HABITS[driver!]).toBe('reuses')
      const scene = world.scenes.get(copy.photos[0]!.id)!
      expect(scene.reuse).toEqual({ kind: 'same' })
      expect(text).toContain('the very file')
      // The photo it is a copy of: the one of the same scene that is no copy.
      const original = deliveries
        .flatMap((d) => d.photos.map((photo) => ({ d, photo, scene: world.scenes.get(photo.id)! })))
        .find((x) => x.scene.seed === scene.seed && !x.scene.reuse)!
      expect(original.d.address.line1).toBe(line1)
      expect(original.d.address.line2).toBe(line2)
      expect(original.d.address.line1).not.toBe(copy.address.line1)
      const earlierBy = Date.parse(copy.photos[0]!.takenAt) - Date.parse(original.photo.takenAt)
      expect(earlierBy).toBeGreaterThan(EARLIER_MS)
    })

    it('2: the customer’s newest delivery there has that many earlier ones at that address', () => {
      const text = item(2)
      const [, customer, line1, line2, city] =
        /Search for (.+?) and open (?:his|her|their) newest delivery to (.+?), (\S+) in ([^:]+):/.exec(
          text,
        )!
      const atAddress = (d: DeliveryDraft) =>
        d.address.line1 === line1 && d.address.line2 === line2 && d.address.city === city
      const when = (d: DeliveryDraft) => d.deliveredAt ?? d.updatedAt
      const newest = deliveries
        .filter((d) => d.customer.name === customer && atAddress(d))
        .sort((a, b) => when(b).localeCompare(when(a)))[0]!
      const earlier = deliveries.filter((d) => atAddress(d) && when(d) < when(newest))
      const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight']
      const said = /lists the (\w+) earlier deliveries there/.exec(text)![1]!
      expect([...NUMBERS, 'nine', 'ten', 'eleven', 'twelve'].indexOf(said)).toBe(earlier.length)
    })

    it('3: the drivers named are those who often deliver far from the door', () => {
      const text = item(3)
      const named = /: (\S+ \S+) and (\S+ \S+) often mark/.exec(text)!.slice(1)
      const far = Object.keys(DRIVER_HABITS).filter((name) => DRIVER_HABITS[name] === 'far')
      expect(named.sort()).toEqual(far.sort())
      for (const name of named) expect(deliveries.some((d) => d.driver.name === name)).toBe(true)
    })

    it('and the rest: colleagues by name, and three changes of the agent’s waiting', () => {
      for (const colleague of COLLEAGUES.filter((c) => c.inDirectory)) {
        expect(firstSteps).toContain(colleague.name)
      }
      expect(firstSteps).toContain("three of `agent`'s changes")
      const agent = DEMO_ACCOUNTS.find((a) => a.username === 'agent')!
      expect(world.earlierWork.map((w) => w.userId)).toEqual([
        agent.userId,
        agent.userId,
        agent.userId,
      ])
    })
  },
)
