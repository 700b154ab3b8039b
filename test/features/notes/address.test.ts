import { describe, expect, it } from 'vitest'
import { curationAllowedHosts } from '../../../src/features/notes/curation/local-setting'
import { isLocalRequest } from '../../../src/lib/local-request'
import { isHtml, LOOPBACK_BY_DESIGN, refusalFor, safeFetch } from '../../../src/lib/safe-fetch'

const refusal = (address: string, allowed: string[] = []) => refusalFor(new URL(address), allowed)

describe('addresses the outbound fetcher refuses', () => {
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
    // IPv4-mapped in hexadecimal, and IPv4-translated (::ffff:0:a.b.c.d).
    ['http://[::ffff:7f00:1]/', 'privateAddress'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', 'privateAddress'],
    ['http://[::ffff:a9fe:a9fe]/', 'privateAddress'],
    ['http://[::ffff:0:7f00:1]/', 'privateAddress'],
    ['http://[::ffff:0:127.0.0.1]/', 'privateAddress'],
    ['http://[::ffff:0:a00:1]/', 'privateAddress'],
    ['http://[::ffff:0:a9fe:a9fe]/', 'privateAddress'],
    // 6to4: 2002:aabb:ccdd:: routes to aa.bb.cc.dd.
    ['http://[2002:7f00:1::]/', 'privateAddress'],
    ['http://[2002:7f00:1::1]/', 'privateAddress'],
    ['http://[2002:a00:1::]/', 'privateAddress'],
    ['http://[2002:c0a8:101::]/', 'privateAddress'],
    ['http://[2002:a9fe:a9fe::]/', 'privateAddress'],
    // Teredo 2001::/32, whatever it embeds.
    ['http://[2001::1]/', 'privateAddress'],
    ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', 'privateAddress'],
    // NAT64: the well-known prefix with a private IPv4 address, and the local-use prefix.
    ['http://[64:ff9b::7f00:1]/', 'privateAddress'],
    ['http://[64:ff9b::a00:1]/', 'privateAddress'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'privateAddress'],
    ['http://[64:ff9b:1::808:808]/', 'privateAddress'],
    ['http://[fec0::1]/', 'privateAddress'],
    ['http://[2001:db8::1]/', 'privateAddress'],
    // Public names that resolve to loopback or a private address by design.
    ['http://127.0.0.1.nip.io/', 'privateName'],
    ['http://app.10.0.0.1.nip.io/', 'privateName'],
    ['http://magic-7f000001.nip.io/', 'privateName'],
    ['http://nip.io/', 'privateName'],
    ['http://127-0-0-1.sslip.io/', 'privateName'],
    ['http://www.192-168-1-1.sslip.io/', 'privateName'],
    ['http://10.0.0.1.xip.io/', 'privateName'],
    ['http://localtest.me/', 'privateName'],
    ['http://anything.localtest.me/', 'privateName'],
    ['http://LOCALTEST.ME./', 'privateName'],
    ['http://lvh.me/', 'privateName'],
    ['http://app.lvh.me/', 'privateName'],
    ['http://vcap.me/', 'privateName'],
    ['http://foo.localhost.direct/', 'privateName'],
    ['http://a.traefik.me/', 'privateName'],
    ['http://7f000001.c0a80001.rbndr.us/', 'privateName'],
    ['http://make-127.0.0.1-rr.1u.ms/', 'privateName'],
    ['http://blog.localhost/', 'privateName'],
    ['http://site.test/', 'privateName'],
    // Another wildcard service spelling a private address in the name.
    ['http://127.0.0.1.wildcard.example/', 'privateName'],
    ['http://app-169-254-169-254.wildcard.example/', 'privateName'],
    ['http://ip-10-0-0-5.eu.compute.example/', 'privateName'],
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
    'http://[::ffff:0:808:808]/',
    'http://[2002:808:808::1]/',
    'http://[64:ff9b::808:808]/',
    'http://[2001:4860:4860::8888]/',
    'http://ec2-54-1-2-3.compute-1.amazonaws.com/',
    'http://d1a2b3c4.cloudfront.net/img.png',
    'http://nip.io.example.com/',
    'http://notlvh.me/',
    'http://1.2.3.4.example/',
  ])('lets %s through', (address) => {
    expect(refusal(address)).toBeNull()
  })

  it('lets an allowed host:port through, and only that one', () => {
    expect(refusal('http://127.0.0.1:8788/page', ['127.0.0.1:8788'])).toBeNull()
    // A local address on another port is refused as local: that is what --allow-host answers.
    expect(refusal('http://127.0.0.1:8789/page', ['127.0.0.1:8788'])).toBe('privateAddress')
    expect(refusal('http://old-blog.lan:8080/page', [])).toBe('privateName')
    expect(refusal('http://127.0.0.1/page', ['127.0.0.1:8788'])).toBe('privateAddress')
    expect(refusal('http://old-blog.lan:8080/a.png', ['old-blog.lan'])).toBeNull()
    expect(refusal('http://lvh.me/', ['lvh.me'])).toBeNull()
  })

  it('refuses every listed loopback-by-design domain and the names under it', () => {
    for (const domain of LOOPBACK_BY_DESIGN) {
      expect(refusal(`http://${domain}/`)).toBe('privateName')
      expect(refusal(`http://www.${domain}/`)).toBe('privateName')
    }
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
