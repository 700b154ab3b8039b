/**
 * Used only by `npm run bench:audience`: the Worker, plus one address that runs the counting
 * simulation (audience-scale-sim.ts) inside workerd and answers with its figures.
 */
import * as v from 'valibot'
import worker from '../../src/index'
import { simulate } from './audience-scale-sim'

// wrangler checks that the entry exports the Workflows and Durable Objects that wrangler.toml names.
export { AudienceShard, ImportWorkflow } from '../../src/index'

const count = v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1))
const scaleQuery = v.object({
  path: v.picklist(['shards', 'direct']),
  rate: count,
  seconds: count,
  dataCentres: count,
  isolatesPerDataCentre: count,
  visitors: count,
  pages: count,
})

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url)
    if (url.pathname !== '/__bench/audience-scale') return worker.fetch(request, env, ctx)
    const options = v.parse(scaleQuery, Object.fromEntries(url.searchParams))
    return Response.json(await simulate(env, options))
  },
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>
