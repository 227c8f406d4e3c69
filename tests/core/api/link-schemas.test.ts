// Porchlight links come from outside (a help-desk ticket, another program's command line), so
// they are read strictly: the two forms open a delivery or a case, everything else is refused
// with words, and what a link opens is always one of the console's own addresses.
import { describe, expect, it } from 'vitest'
import {
  linkHash,
  parsePorchlightLink,
  porchlightLink,
} from '../../../electron/core/api/link-schemas.ts'

const CASE = '3f2b8c1e-9a4d-4e5f-8b6a-1c2d3e4f5a6b'

describe('a Porchlight link', () => {
  it('opens a delivery by order id, tracking number or delivery id', () => {
    for (const key of ['SO-1042-7781', '1Z999AA10123456784', 'd_0001', 'a.b_c-d']) {
      expect(parsePorchlightLink(`porchlight://delivery/${key}`)).toEqual({
        ok: true,
        target: { kind: 'delivery', key },
      })
    }
  })

  it('opens a case by its id, whatever the letter case of the scheme, place and id', () => {
    expect(parsePorchlightLink(`PorchLight://Case/${CASE.toUpperCase()}/`)).toEqual({
      ok: true,
      target: { kind: 'case', caseId: CASE },
    })
  })

  it('is made and read back the same way, and leads to the console’s own address', () => {
    for (const target of [
      { kind: 'delivery', key: 'SO-1042-7781' } as const,
      { kind: 'case', caseId: CASE } as const,
    ]) {
      const link = porchlightLink(target)
      expect(parsePorchlightLink(link)).toEqual({ ok: true, target })
    }
    expect(linkHash({ kind: 'delivery', key: 'SO-1042' })).toBe('#/delivery/SO-1042')
    expect(linkHash({ kind: 'case', caseId: CASE })).toBe(`#/case/${CASE}`)
  })

  it.each([
    ['https://evil.example/delivery/SO-1', /not a Porchlight link/],
    ['javascript:alert(1)', /not a Porchlight link/],
    ['porchlight:delivery/SO-1', /starts with porchlight:\/\//],
    ['porchlight://settings', /delivery or a case/],
    ['porchlight://delivery.evil.example/SO-1', /delivery or a case/],
    ['porchlight://user@delivery/SO-1', /delivery or a case/],
    ['porchlight://delivery:8080/SO-1', /delivery or a case/],
    ['porchlight://delivery/', /names no order/],
    ['porchlight://case', /names no case/],
    ['porchlight://delivery/SO-1?case=1', /no \? or # part/],
    ['porchlight://delivery/SO-1#/settings', /no \? or # part/],
    ['porchlight://delivery/SO%2F1', /no %-escapes/],
    ['porchlight://delivery/SO-1/../../settings', /more parts/],
    ['porchlight://delivery/SO-1/photos', /more parts/],
    ['porchlight://delivery/-rf', /not one/],
    ['porchlight://delivery/SO 1', /spaces or invisible/],
    ['porchlight://delivery/SO-1\n', /spaces or invisible/],
    ['porchlight://delivery/SO-1\u0000', /spaces or invisible/],
    ['porchlight://delivery/SO\u202e1-', /spaces or invisible/],
    ['porchlight://delivery/SÖ-1', /not one/],
    [`porchlight://delivery/${'A'.repeat(65)}`, /not one/],
    [`porchlight://delivery/${'A'.repeat(300)}`, /longer than 200/],
    ['porchlight://case/not-a-case', /not a Porchlight case id/],
    [`porchlight://case/${CASE}x`, /not a Porchlight case id/],
  ])('refuses %j with a reason', (link, reason) => {
    const parsed = parsePorchlightLink(link)
    expect(parsed.ok).toBe(false)
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason)
  })
})
