import { describe, expect, it } from 'vitest'
import { excerptFromMarkdown, renderMarkdown, sanitizeHtml } from '../../src/lib/markdown'

/** Anything in the output that a browser could run, load or use to restyle the page. */
function executableParts(html: string): string[] {
  const found: string[] = []
  const patterns: [string, RegExp][] = [
    ['script tag', /<\s*script/i],
    ['event handler', /<[^>]+\son[a-z]+\s*=/i],
    [
      'javascript: url',
      /(href|src)\s*=\s*"[^"]*(j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript|data)\s*:/i,
    ],
    [
      'iframe/object/embed',
      /<\s*(iframe|object|embed|frame|applet|base|meta|link|form|input|button)\b/i,
    ],
    ['svg/math', /<\s*(svg|math)\b/i],
    ['style', /<\s*style|\sstyle\s*=/i],
    ['htmx attribute', /\s(data-)?hx-[a-z:-]+\s*=/i],
    ['srcdoc/formaction', /\s(srcdoc|formaction|xlink:href)\s*=/i],
  ]
  for (const [name, pattern] of patterns) if (pattern.test(html)) found.push(name)
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
  it('has a table of at least 30 vectors', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(30)
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
      '<img src="https://images.example.org/p.jpg" alt="photo" title="Légende">',
    )
    expect(html).toContain('const x = 1 &lt; 2')
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
