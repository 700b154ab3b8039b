import { beforeAll, describe, expect, it } from 'vitest'
import { siteSettings } from '../../../src/db/schema'
import { createAuthorAndCategories, db } from '../../fixtures'
import { createEditor } from '../../admin-helpers'
import { seedSettings } from '../../../src/features/settings/seed'
import { env } from 'cloudflare:workers'
import { connect, LOCAL, structured, tokenFor, toWorker } from './mcp-helpers'

const PUBLIC = 'https://chez-nous.example'
let owner: { id: number }

beforeAll(async () => {
  await createAuthorAndCategories()
  owner = await createEditor('owner@blog.example', 'owner')
  // The owner's settings, saved in the admin: another name and public address than wrangler.toml's.
  await db
    .insert(siteSettings)
    .values({ ...seedSettings(env), id: 1, name: 'Chez Nous', publicUrl: PUBLIC })
})

// Asked at another address than the public one: what the answers name comes from the settings.
describe('the agents’ endpoints', () => {
  it('name the site and its address as the owner set them', async () => {
    const metadata = await toWorker(`${LOCAL}/.well-known/oauth-protected-resource/mcp`)
    expect(await metadata.json()).toMatchObject({
      resource: `${PUBLIC}/mcp`,
      authorization_servers: [PUBLIC],
      resource_name: 'Chez Nous',
    })
    // The OAuth library answers discovery at its issuer's own address.
    const discovery = await toWorker(`${PUBLIC}/.well-known/oauth-authorization-server`)
    expect(await discovery.json()).toMatchObject({ issuer: PUBLIC })

    const client = await connect(await tokenFor(owner.id, 'publish'))
    const created = structured<{ id: number; version: number }>(
      await client.callTool({
        name: 'create_post',
        arguments: { title: 'Au jardin', markdown: 'Vert.' },
      }),
    )
    const published = structured<{ url: string; editUrl: string }>(
      await client.callTool({
        name: 'publish_post',
        arguments: { id: created.id, version: created.version },
      }),
    )
    expect(published.url).toBe(`${PUBLIC}/posts/au-jardin`)
    expect(published.editUrl).toBe(`${PUBLIC}/admin/posts/${created.id}`)
  })
})
