// Runs a fault server with `count` generated deliveries (no photos) in a process of its own, so
// that a test measuring the sync's event loop measures only the client:
//   node tests/support/serve-generated-deliveries.ts <count>
// Prints {"url": "..."} once it listens; exits when its stdin closes.
import { startFaultServer } from './fault-server.ts'
import { makeDelivery } from './records.ts'

const count = Number(process.argv[2] ?? 100_000)
const server = await startFaultServer()
const streets = ['Pine Street', 'Maple Avenue', 'Harbor Way', 'Elm Court', 'Lakeview Drive']
for (let n = 1; n <= count; n++) {
  const id = `d${String(n).padStart(7, '0')}`
  server.deliveries.append(
    makeDelivery(id, {
      photos: [],
      customer: {
        id: `c${n % 40_000}`,
        name: `Customer ${n % 9973} Example`,
        email: `customer${n}@example.com`,
        phone: `+1 206-555-${String(n % 10_000).padStart(4, '0')}`,
      },
      address: {
        line1: `${100 + (n % 9000)} ${streets[n % streets.length]}`,
        line2: null,
        city: 'Seattle',
        region: 'WA',
        postalCode: '98101',
        country: 'US',
        location: { lat: 47.6 + (n % 1000) / 10_000, lng: -122.33 + (n % 777) / 10_000 },
      },
    }),
  )
}
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
process.stdin.resume()
process.stdin.on('end', () => void server.close().then(() => process.exit(0)))
