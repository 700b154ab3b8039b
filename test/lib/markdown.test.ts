import fc from 'fast-check'
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5'
import { describe, expect, it } from 'vitest'
import { excerptFromMarkdown, renderMarkdown, sanitizeHtml } from '../../src/lib/markdown'

type Node = DefaultTreeAdapterMap['childNode']

const SAFE_ELEMENTS = new Set(
  'h1 h2 h3 h4 h5 h6 p br hr em strong del s sup sub a img ul ol li blockquote code pre table thead tbody tr th td figure figcaption'.split(
    ' ',
  ),
)

/** Anything in the output, as a browser parses it, that could run, load or restyle the page. */
function executableParts(html: string): string[] {
  const found: string[] = []
  const visit = (node: Node) => {
    if ('tagName' in node) {
      if (!SAFE_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`)
      for (const { name, value } of node.attrs) {
        if (
          ![
            'href',
            'src',
            'alt',
            'title',
            'id',
            'rel',
            'start',
            'width',
            'height',
            'align',
          ].includes(name)
        )
          found.push(`${node.tagName}[${name}]`)
        const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase()
        if ((name === 'href' || name === 'src') && /^(javascript|vbscript|data):/.test(url))
          found.push(`${name}=${value}`)
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(visit)
  }
  parseFragment(html).childNodes.forEach(visit)
  return found
}

const VECTORS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://ok.example/a.png" onload="alert(1)">',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">hover</div>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '![x](javascript:alert(1))',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<style>body{background:red}</style>',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<input autofocus onfocus=alert(1)>',
  '<a hx-get="/admin/users" hx-trigger="load">x</a>',
  '<div data-hx-post="/admin/posts/1/delete" data-hx-trigger="load">x</div>',
  '<p hx-on:click="alert(1)">x</p>',
  '<details open ontoggle=alert(1)>',
  '<img src="x` `<script>alert(1)</script>"` `>',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]

describe('sanitizing Markdown', () => {
  it('lets nothing executable out of any mix of the vectors and random markup', () => {
    const piece = fc.oneof(
      fc.constantFrom(...VECTORS),
      fc.constantFrom('<', '>', '"', "'", '=', '&', '</', '<!--', '-->', '`', '\n\n', ' on'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const input = pieces.join('')
        expect(executableParts(renderMarkdown(input))).toEqual([])
        expect(executableParts(sanitizeHtml(input))).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it.each(VECTORS)('never lets %s out executable', (vector) => {
    expect(executableParts(renderMarkdown(vector))).toEqual([])
    expect(executableParts(renderMarkdown(`Intro\n\n${vector}\n\nOutro`))).toEqual([])
    expect(executableParts(sanitizeHtml(vector))).toEqual([])
  })

  it('keeps what writers need: headings, emphasis, lists, quotes, code, tables, links and images', () => {
    const html = renderMarkdown(
      [
        '## Titre',
        '',
        'Du *texte* et du **gras**, `du code`.',
        '',
        '- un',
        '- deux',
        '',
        '1. premier',
        '',
        '> Une citation « typographique ».',
        '',
        '| a | b |',
        '| --- | --- |',
        '| 1 | 2 |',
        '',
        '[un lien](https://example.org/page) [mail](mailto:hello@example.org) [interne](/posts/x)',
        '',
        '![photo](https://images.example.org/p.jpg "Légende")',
        '',
        '```',
        'const x = 1 < 2',
        '```',
      ].join('\n'),
    )
    expect(html).toContain('<h2>Titre</h2>')
    expect(html).toContain('<em>texte</em>')
    expect(html).toContain('<strong>gras</strong>')
    expect(html).toContain('<code>du code</code>')
    expect(html).toContain('<ul>')
    expect(html).toContain('<ol>')
    expect(html).toContain('<blockquote>')
    expect(html).toContain('« typographique »')
    expect(html).toContain('<table>')
    expect(html).toContain(
      '<a href="https://example.org/page" rel="noopener noreferrer">un lien</a>',
    )
    expect(html).toContain('<a href="mailto:hello@example.org">mail</a>')
    expect(html).toContain('<a href="/posts/x">interne</a>')
    expect(html).toContain(
      '<a href="https://images.example.org/p.jpg" rel="noopener noreferrer">photo</a>',
    )
    expect(html).toContain('const x = 1 &lt; 2')
  })

  it('links to an image from another site instead of showing it, as the CSP would block it', () => {
    const html = renderMarkdown(
      [
        '![Une rue](https://images.example.org/rue.jpg) ![](https://images.example.org/b.png)',
        '',
        '[![Plan](https://images.example.org/plan.png)](https://example.org/plan)',
        '',
        '<img src="https://old.example/wp-content/a.jpg" title="Importée">',
        '',
        '![Ici](/media/' + 'a'.repeat(64) + '.jpg)',
      ].join('\n'),
    )
    expect(html).not.toMatch(/<img[^>]+src="https:/)
    expect(html).toContain(
      '<a href="https://images.example.org/rue.jpg" rel="noopener noreferrer">Une rue</a>',
    )
    expect(html).toContain(
      '<a href="https://images.example.org/b.png" rel="noopener noreferrer">https://images.example.org/b.png</a>',
    )
    expect(html).toContain('<a href="https://example.org/plan" rel="noopener noreferrer">Plan</a>')
    expect(html).toContain(
      '<a href="https://old.example/wp-content/a.jpg" rel="noopener noreferrer">Importée</a>',
    )
    expect(html).toContain(`<img src="/media/${'a'.repeat(64)}.jpg" alt="Ici">`)
    // The importer converts HTML through the sanitizer: it keeps the image to convert it.
    expect(sanitizeHtml('<img src="https://old.example/a.jpg" alt="a">')).toBe(
      '<img src="https://old.example/a.jpg" alt="a">',
    )
  })

  it('drops images that are not https', () => {
    expect(renderMarkdown('![x](http://insecure.example/p.jpg)')).not.toContain('http://insecure')
  })

  it('makes the excerpt from the first paragraph only, never a heading or code', () => {
    expect(
      excerptFromMarkdown(
        '## Titre\n\n```js\nconst x = 1\n```\n\nL’été à **Paris** & [ailleurs](/a) `<b>`.\n\nSuite.',
      ),
    ).toBe('L’été à Paris & ailleurs <b>.')
    expect(excerptFromMarkdown('# Only a heading\n\n- a list')).toBe('')
    expect(excerptFromMarkdown('![photo](/p.jpg) Un *mot*\nà la ligne')).toBe('Un mot à la ligne')
    expect(excerptFromMarkdown('mot '.repeat(200)).length).toBeLessThanOrEqual(281)
  })
})

/** The top-level nodes of `html` followed by a footer, as a browser would build them. */
function topLevelAfter(html: string): string[] {
  const fragment = parseFragment(`${html}<footer>site footer</footer>`)
  return fragment.childNodes.map((node) => node.nodeName)
}

describe('balanced HTML', () => {
  const UNCLOSED = [
    '<table><tr><td>cellule',
    '<a href="/posts/x">lien',
    '<pre>du code',
    '<h2>Titre',
    '<ul><li>un',
    '<blockquote>citation',
    '<table><tr><td><a href="/x"><blockquote><ul><li><pre>',
    '</p></div></article><p>',
  ]

  it.each(UNCLOSED)('closes what %s leaves open, so what follows stays outside', (markup) => {
    const html = renderMarkdown(`Intro\n\n${markup}\n\nParagraphe suivant`)
    expect(topLevelAfter(html)).toContain('footer')
    expect(sanitizeHtml(markup)).not.toBe('')
    expect(topLevelAfter(sanitizeHtml(markup)).at(-1)).toBe('footer')
  })

  it('does not turn the next paragraph into a link after an unclosed <a>', () => {
    const html = renderMarkdown('<a href="/x">lien\n\nParagraphe suivant')
    expect(html).toMatch(/<\/a>/)
    expect(html.lastIndexOf('</a>')).toBeLessThan(html.indexOf('Paragraphe suivant'))
  })

  it('always comes out balanced, whatever is typed', () => {
    const tag = fc.constantFrom(
      'table',
      'tr',
      'td',
      'a',
      'pre',
      'h2',
      'ul',
      'li',
      'ol',
      'blockquote',
      'p',
      'em',
      'strong',
      'code',
    )
    const piece = fc.oneof(
      tag.map((name) => `<${name}>`),
      tag.map((name) => `</${name}>`),
      fc.string({ maxLength: 10 }),
      fc.constant('\n\n'),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 15 }), (pieces) => {
        expect(topLevelAfter(renderMarkdown(pieces.join(''))).at(-1)).toBe('footer')
      }),
      { numRuns: 300 },
    )
  })
})
