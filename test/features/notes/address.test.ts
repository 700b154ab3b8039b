import { describe, expect, it } from 'vitest'
import { refusalFor } from '../../../src/features/notes/curation/address'
import { curationAllowedHosts } from '../../../src/features/notes/curation/local-setting'
import { isLocalRequest } from '../../../src/lib/local-request'
import { isHtml, safeFetch } from '../../../src/features/notes/curation/safe-fetch'

const refusal = (address: string, allowed: string[] = []) => refusalFor(new URL(address), allowed)

describe('addresses the curation fetcher refuses', () => {
  it.each([
    ['ftp://example.com/file', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['data:text/html,<title>x</title>', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['http://example.com:8080/', 'port'],
    ['https://example.com:22/', 'port'],
    ['http://user:secret@example.com/', 'credentials'],
    ['http://localhost/', 'privateName'],
    ['http://LOCALHOST./', 'privateName'],
    ['http://admin.localhost/', 'privateName'],
    ['http://printer.local/', 'privateName'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'privateName'],
    ['http://intranet/', 'privateName'],
    ['http://127.0.0.1/', 'privateAddress'],
    ['http://127.255.10.1/', 'privateAddress'],
    ['http://127.1/', 'privateAddress'],
    ['http://2130706433/', 'privateAddress'],
    ['http://0x7f000001/', 'privateAddress'],
    ['http://0x7f.0.0.1/', 'privateAddress'],
    ['http://0177.0.0.1/', 'privateAddress'],
    ['http://0/', 'privateAddress'],
    ['http://0.0.0.0/', 'privateAddress'],
    ['http://10.0.0.5/', 'privateAddress'],
    ['http://167772165/', 'privateAddress'],
    ['http://172.16.0.1/', 'privateAddress'],
    ['http://172.31.255.255/', 'privateAddress'],
    ['http://0xac100001/', 'privateAddress'],
    ['http://192.168.1.1/', 'privateAddress'],
    ['http://3232235777/', 'privateAddress'],
    ['http://169.254.169.254/latest/meta-data/', 'privateAddress'],
    ['http://2852039166/', 'privateAddress'],
    ['http://100.64.0.1/', 'privateAddress'],
    ['http://224.0.0.1/', 'privateAddress'],
    ['http://[::1]/', 'privateAddress'],
    ['http://[0:0:0:0:0:0:0:1]/', 'privateAddress'],
    ['http://[::]/', 'privateAddress'],
    ['http://[fc00::1]/', 'privateAddress'],
    ['http://[fd12:3456::1]/', 'privateAddress'],
    ['http://[fe80::1]/', 'privateAddress'],
    ['http://[::ffff:127.0.0.1]/', 'privateAddress'],
    ['http://[::ffff:169.254.169.254]/', 'privateAddress'],
    ['http://[::ffff:10.0.0.1]/', 'privateAddress'],
    ['http://[64:ff9b::192.168.0.1]/', 'privateAddress'],
    ['http://[::127.0.0.1]/', 'privateAddress'],
  ])('%s → %s', (address, reason) => {
    expect(refusal(address)).toBe(reason)
  })

  it.each([
    'https://www.lemonde.fr/article.html',
    'http://example.com:80/',
    'http://example.com:443/',
    'http://93.184.216.34/',
    'http://172.32.0.1/',
    'http://[2606:4700::1111]/',
    'http://[::ffff:8.8.8.8]/',
  ])('lets %s through', (address) => {
    expect(refusal(address)).toBeNull()
  })

  it('lets an allowed host:port through, and only that one', () => {
    expect(refusal('http://127.0.0.1:8788/page', ['127.0.0.1:8788'])).toBeNull()
    expect(refusal('http://127.0.0.1:8789/page', ['127.0.0.1:8788'])).toBe('port')
    expect(refusal('http://127.0.0.1/page', ['127.0.0.1:8788'])).toBe('privateAddress')
  })

  it('refuses before any connection is made', async () => {
    expect(await safeFetch('http://2130706433:80/', { accept: isHtml })).toEqual({
      ok: false,
      reason: 'privateAddress',
    })
    expect(await safeFetch('not a url', { accept: isHtml })).toEqual({
      ok: false,
      reason: 'invalidUrl',
    })
  })
})

describe('CURATION_ALLOW_HOSTS', () => {
  it('counts only for requests addressed to this machine', () => {
    expect(isLocalRequest('http://localhost:8787/admin/share')).toBe(true)
    expect(isLocalRequest('http://127.0.0.1:8787/admin/share')).toBe(true)
    expect(isLocalRequest('https://blog.example/admin/share')).toBe(false)
    expect(isLocalRequest('https://localhost.blog.example/admin/share')).toBe(false)
    expect(curationAllowedHosts('http://localhost:8787/', ' 127.0.0.1:9000 , a.test ')).toEqual([
      '127.0.0.1:9000',
      'a.test',
    ])
    expect(curationAllowedHosts('https://blog.example/', '127.0.0.1:9000')).toEqual([])
    expect(curationAllowedHosts('http://localhost/', undefined)).toEqual([])
  })
})
