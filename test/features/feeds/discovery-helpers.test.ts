import { describe, expect, it } from 'vitest'
import { xmlText } from '../../../src/features/feeds/formats'
import { htmlToText } from '../../../src/lib/plain-text'
import { highlightedHtml, MATCH_END, MATCH_START, toFtsQuery } from '../../../src/features/search/search-query'
import { absoluteUrls, jsonForScript, metaDescription } from '../../../src/lib/seo'

describe('helpers for feeds, metadata and search', () => {
  it('makes root-relative links, images and srcset absolute, and leaves others alone', () => {
    const html =
      '<a href="/posts/a">a</a><a href="https://x.example/">x</a><a href="//cdn">c</a>' +
      '<img src="/media/a.jpg" srcset="/media/a-400.jpg 400w, /media/a-800.jpg 800w">'
    expect(absoluteUrls(html, 'https://blog.example')).toBe(
      '<a href="https://blog.example/posts/a">a</a><a href="https://x.example/">x</a><a href="//cdn">c</a>' +
        '<img src="https://blog.example/media/a.jpg" srcset="https://blog.example/media/a-400.jpg 400w, https://blog.example/media/a-800.jpg 800w">',
    )
  })

  it('cuts a description at a word, with an ellipsis', () => {
    expect(metaDescription('short  text ')).toBe('short text')
    const long = metaDescription('mot '.repeat(100))
    expect(long.length).toBeLessThanOrEqual(160)
    expect(long).toMatch(/mot…$/)
  })

  it('keeps JSON-LD inside its script block', () => {
    const json = jsonForScript({ headline: '</script><script>alert(1)</script>\u2028' })
    expect(json).not.toContain('<')
    expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script>\u2028')
  })

  it('escapes XML and drops characters XML 1.0 forbids, keeping emoji', () => {
    expect(xmlText('a & b < c > "d" \'e\' ]]> \u0000\u001f\ud800 🍰 é')).toBe(
      'a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos; ]]&gt;  🍰 é',
    )
  })

  it('turns post HTML into plain text for the search index', () => {
    expect(
      htmlToText('<h2>Un hôtel</h2><p>L’été &amp; «&nbsp;Paris&nbsp;» &#233;&#x2014;</p>'),
    ).toBe('Un hôtel L’été & « Paris » é—')
  })

  it('highlights snippets as balanced, escaped HTML', () => {
    const marked = `${MATCH_START}<b>${MATCH_END} ${MATCH_END}x ${MATCH_START}open`
    expect(highlightedHtml(marked)).toBe('<mark>&lt;b&gt;</mark> x <mark>open</mark>')
  })

  it('quotes every search term, as a prefix from two letters', () => {
    expect(toFtsQuery('l’hôtel "clés" -x NEAR(')).toBe('"l" "hôtel"* "clés"* "x" "NEAR"*')
    expect(toFtsQuery('""')).toBeNull()
  })
})
