// PII redaction: what reaches a log file or the diagnostics carries no customer's name, email,
// phone or address and no secret, and keeps what support needs (ids, times, codes, numbers).
import { describe, expect, it } from 'vitest'
import {
  REDACTED,
  SECRET,
  redactText,
  redactValue,
  redactedLine,
} from '../../../electron/core/logging/redact.ts'

describe('redactText', () => {
  it.each([
    ['mail to ada.lovelace+claims@example.co.uk failed', 'ada.lovelace+claims@example.co.uk'],
    ['customer phone +1 206-555-0143 busy', '206-555-0143'],
    ['call (206) 555-0143 back', '555-0143'],
    ['number 206.555.0143 stored', '206.555.0143'],
    ['UK +44 20 7946 0958 line', '7946 0958'],
    ['digits +12065550143 raw', '+12065550143'],
    ['left at 1234 Pine Street, Seattle', '1234 Pine Street'],
    ['left at 55 West Harbor Way Apt 4B today', '55 West Harbor Way Apt 4B'],
    ['to 9 Rue de la Paix Ave.', '9 Rue de la Paix Ave'],
    ['to 1600 Amphitheatre Pkwy', '1600 Amphitheatre Pkwy'],
    ['Seattle, WA 98101-1234', '98101-1234'],
    ['London SW1A 1AA', 'SW1A 1AA'],
    ['customer: Ada Lovelace could not', 'Ada Lovelace'],
    ['driver=Ngozi Okonkwo-Adeyemi left', 'Ngozi Okonkwo-Adeyemi'],
    ['name: José María de la Cruz is', 'José María de la Cruz'],
    ['{"customerName":"Zoë Ångström","id":"d1"}', 'Zoë Ångström'],
    ['{"name": "Grace Hopper"}', 'Grace Hopper'],
  ])('redacts personal data in %j', (text, secret) => {
    const out = redactText(text)
    expect(out).not.toContain(secret)
    expect(out).toContain(REDACTED)
  })

  it.each([
    ['Authorization: Bearer abc.DEF-123_xyz', 'abc.DEF-123_xyz'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl here', 'eyJhbGciOiJIUzI1NiJ9'],
    ['GET http://127.0.0.1:5555/?token=s3cr3t-V4lue&x=1', 's3cr3t-V4lue'],
    ['{"password":"demo-agent","user":"agent"}', 'demo-agent'],
    ['retry with token=abc123XYZ failed', 'abc123XYZ'],
    ['password: hunter2 rejected', 'hunter2'],
  ])('hides secrets in %j', (text, secret) => {
    const out = redactText(text)
    expect(out).not.toContain(secret)
    expect(out).toContain(SECRET)
  })

  it.each([
    'sync run 42 finished at 2025-06-01T12:34:56.789Z in 1234 ms',
    'demo delivery service on http://127.0.0.1:54321/',
    'photo ph_9f8e7d6c of delivery d_0001234 (sha256 3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea)',
    'case 0b6b3c1e-6f0e-4c53-9b1c-2f3a4b5c6d7e changed to version 17',
    'HTTP 503 after 3 tries; retrying in 2.5 s',
    'Porchlight 0.1.0 on Electron 45.4.1, Node 24.21.0, Chromium 142.0.7444.52',
    'page of 100 deliveries stored; 1 record rejected as invalid',
    'between 2025-06-01 and 2025-06-30 (30 days)',
  ])('keeps what support needs: %j', (text) => {
    expect(redactText(text)).toBe(text)
  })
})

describe('redactValue', () => {
  it('replaces personal and secret keys whole and redacts strings everywhere else', () => {
    const detail = {
      id: 'd_0001',
      customer: {
        id: 'c1',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: '+1 206 555 0143',
      },
      address: { line1: '12 Elm Court', city: 'Seattle' },
      headers: { Authorization: 'Bearer abc', 'x-porchlight-token': 'tok' },
      issues: [{ message: 'bad value ada@example.com', path: ['customer', 'email'] }],
      count: 3,
    }
    const safe = JSON.stringify(redactValue(detail))
    for (const leak of ['Ada Lovelace', 'ada@example.com', '555 0143', 'Elm Court', 'abc', 'tok"'])
      expect(safe).not.toContain(leak)
    expect(safe).toContain('d_0001')
    expect(safe).toContain('"count":3')
    expect(redactValue(detail)).toMatchObject({
      customer: REDACTED,
      address: REDACTED,
      headers: { Authorization: SECRET, 'x-porchlight-token': SECRET },
    })
  })

  it('reduces errors to name, message, code and stack, all redacted, with their cause', () => {
    const cause = Object.assign(new Error('lookup of grace@example.com failed'), { code: 'E1' })
    const error = new Error('could not save 1234 Pine Street', { cause })
    const safe = redactValue(error) as Record<string, unknown>
    expect(safe['name']).toBe('Error')
    expect(String(safe['message'])).not.toContain('Pine Street')
    expect(String(safe['stack'])).not.toContain('Pine Street')
    expect(JSON.stringify(safe['cause'])).not.toContain('grace@example.com')
    expect(safe['cause']).toMatchObject({ code: 'E1' })
  })

  it('survives cycles and deep nesting', () => {
    const a: Record<string, unknown> = { id: 1 }
    a['self'] = a
    let deep: Record<string, unknown> = { leaf: 'x' }
    for (let i = 0; i < 20; i++) deep = { deep }
    expect(() => JSON.stringify(redactValue({ a, deep }))).not.toThrow()
    expect(JSON.stringify(redactValue(a))).toContain('[circular]')
  })
})

describe('redactedLine', () => {
  it('joins the message and a redacted detail', () => {
    expect(redactedLine('sign-in for ada@example.com', { password: 'p' })).toBe(
      `sign-in for ${REDACTED} {"password":"${SECRET}"}`,
    )
    const line = redactedLine('failed', new Error('no 12 Elm Court'))
    expect(line.startsWith('failed\nError: no ')).toBe(true)
    expect(line).not.toContain('Elm Court')
  })
})
