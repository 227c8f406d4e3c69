// `npm run contract`: writes the delivery service's contract, as built from the zod schemas, to
// docs/delivery-api.yaml. Run it after changing schemas.ts or delivery-api-document.ts; a test
// fails until the file is written again.
import { writeFileSync } from 'node:fs'
import { DELIVERY_API_FILE, deliveryApiYaml } from './delivery-api-document.ts'

const target = new URL(`../../../${DELIVERY_API_FILE}`, import.meta.url)
writeFileSync(target, deliveryApiYaml())
console.log(`Wrote ${DELIVERY_API_FILE}.`)
