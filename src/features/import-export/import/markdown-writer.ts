/**
 * HTML (as `sanitizeHtml` leaves it) to Markdown, on node-html-parser's tree. It follows the rules
 * of node-html-markdown 2.0 (MIT), which the importer used before, so imported posts read the
 * same; that library reads Node's `process` on every call, which a Worker does not have.
 */
import { parse, type HTMLElement, type Node, type TextNode } from 'node-html-parser'

const NODE_ELEMENT = 1
const NODE_TEXT = 3
const BULLET = '-'
const INDENT = '  '
const CODE_FENCE = '```'

/** A rule's answer that drops the element and everything written for it. */
const REMOVE = Symbol('remove')

type Meta = {
  listKind?: string
  listItemNumber?: number
  indentLevel?: number
  preserveWhitespace?: boolean
  noEscape?: boolean
  rules?: Rules
}

type Rule = {
  prefix?: string
  postfix?: string
  /** Written instead of the element's children. */
  content?: string
  /** `false`: the children's text only, no elements. */
  recurse?: boolean
  ignore?: boolean
  surroundingNewlines?: number
  noEscape?: boolean
  preserveWhitespace?: boolean
  /** A space first when the content would start with the character already written last. */
  spaceIfRepeatingChar?: boolean
  /** Rules for the elements inside, instead of the ones in use. */
  childRules?: Rules
  postprocess?: (content: string) => string | typeof REMOVE
}

type RuleFor = Rule | ((node: HTMLElement, meta: Meta) => Rule)
type Rules = Partial<Record<string, RuleFor>>

/** A figure written as it is (HTML in the Markdown), or `null` to treat it as a block. */
export type FigureWriter = (figure: HTMLElement) => string | null

const isElement = (node: Node): node is HTMLElement => node.nodeType === NODE_ELEMENT
const isText = (node: Node): node is TextNode => node.nodeType === NODE_TEXT
const trimNewLines = (s: string) => s.replace(/^\n+|\n+$/g, '')
const isWhiteSpaceOnly = (s: string) => !/\S/.test(s)

/** Lines with the line break each ended with; no empty last line after a final break. */
function splitLines(s: string) {
  const lines: { text: string; newLine: string }[] = []
  for (let i = 0, start = 0; i < s.length; ++i) {
    const char = s.charAt(i)
    const newLine =
      char === '\r' ? (s.charAt(i + 1) === '\n' ? '\r\n' : char) : char === '\n' ? char : ''
    const end = newLine ? i : i === s.length - 1 ? i + 1 : undefined
    if (end === undefined) continue
    lines.push({ text: s.slice(start, end), newLine })
    start = end + newLine.length
    if (newLine.length > 1) ++i
  }
  return lines
}

/** Wraps each line's words in the delimiter, leaving the spaces around them outside it. */
function tagSurround(content: string, delimiter: string) {
  // Unescaped delimiters already inside (nested emphasis) would end it early.
  if (content.includes(delimiter))
    content = content.replace(
      new RegExp(`([^\\\\])\\${delimiter.split('').join('\\')}`, 'gm'),
      '$1',
    )
  let result = ''
  for (const { text, newLine } of splitLines(content)) {
    const start = text.search(/\S/)
    if (start < 0) {
      result += text + newLine
      continue
    }
    let end = text.length - 1
    while (!/\S/.test(text[end])) --end
    const before = start > 0 ? text[start - 1] : ''
    const after = end < text.length - 1 ? text[end + 1] : ''
    result += before + delimiter + text.slice(start, end + 1) + delimiter + after + newLine
  }
  return result
}

const emphasis = (delimiter: string): Rule => ({
  spaceIfRepeatingChar: true,
  postprocess: (content) => (isWhiteSpaceOnly(content) ? REMOVE : tagSurround(content, delimiter)),
})

function imageRule(node: HTMLElement): Rule {
  const src = node.getAttribute('src') || ''
  if (!src || /^data:/i.test(src)) return { ignore: true }
  const alt = node.getAttribute('alt') || ''
  const title = node.getAttribute('title') || ''
  return { content: `![${alt}](${src}${title && ` "${title}"`})`, recurse: false }
}

const LINK_UNSAFE: Record<string, string> = { '(': '%28', ')': '%29', _: '%5F', '*': '%2A' }

function linkRule(node: HTMLElement): Rule {
  const href = node.getAttribute('href')
  if (!href) return {}
  const encoded = href.replace(/[()_*]/g, (chr) => LINK_UNSAFE[chr])
  if (node.textContent === href) return { content: `<${encoded}>` }
  const title = node.getAttribute('title')
  return {
    postprocess: (content) => content.replace(/(?:\r?\n)+/g, ' '),
    childRules: LINK_RULES,
    prefix: '[',
    postfix: `](${encoded}${title ? ` "${title}"` : ''})`,
  }
}

function codeRule(node: HTMLElement): Rule {
  const parent = node.parentNode
  const isBlock = parent?.tagName === 'PRE' && parent.childNodes.length < 2
  if (!isBlock)
    return {
      spaceIfRepeatingChar: true,
      noEscape: true,
      postprocess: (content) => {
        const longest = (content.match(/`+/g) ?? []).sort((a, b) => b.length - a.length)[0] ?? ''
        const delimiter = '`' + longest
        const padding = delimiter.length > 1 ? ' ' : ''
        return delimiter + padding + content + padding + delimiter
      },
    }
  const language = node.getAttribute('class')?.match(/language-(\S+)/)?.[1] ?? ''
  return {
    noEscape: true,
    preserveWhitespace: true,
    prefix: `${CODE_FENCE}${language}\n`,
    postfix: `\n${CODE_FENCE}`,
    childRules: CODE_BLOCK_RULES,
  }
}

function listItemRule(_: HTMLElement, meta: Meta): Rule {
  const level = meta.indentLevel ?? 0
  const marker =
    meta.listKind === 'OL' && meta.listItemNumber !== undefined
      ? `${meta.listItemNumber}. `
      : `${BULLET} `
  return {
    prefix: INDENT.repeat(level) + marker,
    surroundingNewlines: 1,
    postprocess: (content) =>
      isWhiteSpaceOnly(content)
        ? REMOVE
        : content
            .trim()
            .replace(
              /([^\r\n])(?:\r?\n)+(?!\s*[-*+]|\s*\d+\.|\s*\|)/g,
              `$1  \n${INDENT.repeat(level)}`,
            )
            .replace(/(\S+?)[^\S\r\n]+$/gm, '$1  '),
  }
}

/** Rows of cells, each column padded to its widest cell, a separator under the first row. */
function tableMarkdown(content: string) {
  const rows: string[][] = []
  const widths: number[] = []
  for (const { text } of splitLines(content)) {
    const row = text.replace(/^(?:\|)?(.+)\s*\|\s*$/, '$1')
    if (!row) continue
    rows.push(
      row.split(' |').map((cell, i) => {
        cell = cell.trim()
        if (widths.length < i + 1 || widths[i] < cell.length) widths[i] = cell.length
        return cell
      }),
    )
  }
  if (rows.length < 1) return REMOVE
  let result = ''
  rows.forEach((cells, rowNumber) => {
    result += '| '
    for (let i = 0; i < widths.length; i++) {
      const cell = cells[i] ?? ''
      result += cell + ' '.repeat(Math.max(0, widths[i] - cell.length))
      result += ' |' + (i < widths.length - 1 ? ' ' : '')
    }
    result += '\n'
    if (rowNumber === 0)
      result += '|' + widths.map((w) => ' ' + '-'.repeat(w) + ' |').join('') + '\n'
  })
  return result
}

const STRONG = emphasis('**')
const STRIKE = emphasis('~~')
const EM = emphasis('_')
const IMG: RuleFor = imageRule

const forTags = (tags: string, rule: RuleFor): Rules =>
  Object.fromEntries(tags.split(',').map((tag) => [tag, rule]))

const BLOCK_TAGS =
  'ADDRESS,ARTICLE,ASIDE,AUDIO,BLOCKQUOTE,BODY,CANVAS,CENTER,DD,DIR,DIV,DL,DT,FIELDSET,FIGCAPTION,' +
  'FIGURE,FOOTER,FORM,FRAMESET,H1,H2,H3,H4,H5,H6,HEADER,HGROUP,HR,HTML,ISINDEX,LI,MAIN,MENU,NAV,' +
  'NOFRAMES,NOSCRIPT,OL,OUTPUT,P,PRE,SECTION,TABLE,TBODY,TD,TFOOT,TH,THEAD,TR,UL'
const BLOCK: Rule = { surroundingNewlines: 2 }

const CELL_RULES: Rules = {
  ...forTags('STRONG,B', STRONG),
  ...forTags('DEL,S,STRIKE', STRIKE),
  ...forTags('EM,I', EM),
  IMG,
  A: linkRule,
}

const CELL: Rule = {
  childRules: CELL_RULES,
  prefix: ' ',
  postfix: ' |',
  postprocess: (content) =>
    trimNewLines(content)
      .replace('|', '\\|')
      .replace(/(?:\r?\n)+/g, ' ')
      .trim(),
}

const ROW_RULES: Rules = forTags('TH,TD', CELL)

const TABLE_RULES: Rules = {
  TR: {
    childRules: ROW_RULES,
    prefix: '| ',
    postfix: '\n',
    postprocess: (content) => (!/ \|\s*$/.test(content) ? REMOVE : content),
  },
  ...ROW_RULES,
}

const LINK_RULES: Rules = {
  BR: { content: '\n', recurse: false },
  HR: { content: '\n', recurse: false },
  PRE: { noEscape: true, preserveWhitespace: true },
  ...forTags('STRONG,B', STRONG),
  ...forTags('DEL,S,STRIKE', STRIKE),
  ...forTags('EM,I', EM),
  IMG,
}

const NO_NEWLINES: Rule = { surroundingNewlines: 0 }
const CODE_BLOCK_RULES: Rules = {
  ...forTags(BLOCK_TAGS, BLOCK),
  BR: { content: '\n', recurse: false },
  HR: { surroundingNewlines: 2, content: '---', recurse: false },
  ...forTags('H1,H2,H3,H4,H5,H6', { surroundingNewlines: 2, prefix: '[', postfix: ']' }),
  IMG: { recurse: false },
  ...forTags(
    'DIV,P,SECTION,ARTICLE,ASIDE,HEADER,FOOTER,MAIN,NAV,OL,UL,LI,TABLE,THEAD,TBODY,TFOOT,TR,TD,TH,' +
      'BLOCKQUOTE,PRE,DL,DT,DD',
    NO_NEWLINES,
  ),
}

function mainRules(figure: FigureWriter): Rules {
  return {
    ...forTags(BLOCK_TAGS, BLOCK),
    PRE: { surroundingNewlines: 2, noEscape: true, preserveWhitespace: true },
    BR: { content: '  \n', recurse: false },
    HR: { surroundingNewlines: 2, content: '---', recurse: false },
    ...Object.fromEntries(
      [1, 2, 3, 4, 5, 6].map((n) => [
        `H${n}`,
        { surroundingNewlines: 2, prefix: '#'.repeat(n) + ' ' },
      ]),
    ),
    ...forTags('STRONG,B', STRONG),
    ...forTags('DEL,S,STRIKE', STRIKE),
    ...forTags('EM,I', EM),
    // The list's own metadata is set before its rule is read, so a list is never a top-level one.
    ...forTags('OL,UL', { surroundingNewlines: 1 }),
    LI: listItemRule,
    BLOCKQUOTE: {
      surroundingNewlines: 2,
      postprocess: (content) => trimNewLines(content).replace(/^(>*)[^\S\r\n]?/gm, '>$1 '),
    },
    CODE: codeRule,
    TABLE: { surroundingNewlines: 2, childRules: TABLE_RULES, postprocess: tableMarkdown },
    A: linkRule,
    IMG,
    FIGURE: (node) => {
      const html = figure(node)
      return html === null
        ? BLOCK
        : { content: html, recurse: false, noEscape: true, surroundingNewlines: 2 }
    },
  }
}

/** Elements written even when empty: they have a rule that decides (or are contentless). */
const KEPT_WHEN_EMPTY = new Set(
  'BR,HR,IMG,H1,H2,H3,H4,H5,H6,OL,UL,LI,CODE,TABLE,A,FIGURE,TD,TH'.split(','),
)

/** Marks what holds text or a kept element; the rest is skipped, newlines and all. */
function markKept(node: Node, kept: Set<Node>): boolean {
  let keep = false
  if (isText(node) || (isElement(node) && ['BR', 'HR', 'IMG'].includes(node.tagName ?? '')))
    keep = true
  else if (!node.childNodes.length)
    keep = isElement(node) && !!node.tagName && KEPT_WHEN_EMPTY.has(node.tagName)
  else for (const child of node.childNodes) keep = markKept(child, kept) || keep
  if (keep) kept.add(node)
  return keep
}

const GLOBAL_ESCAPE = /[\\`*_~\[\]]/gm
const LINE_START_ESCAPE = /^(\s*?)((?:\+\s)|(?:[=>-])|(?:#{1,6}\s))|(?:(\d+)(\.\s))/gm

function trailingWhitespace(s: string) {
  const stats = { whitespace: 0, newLines: 0 }
  for (let i = s.length - 1; i >= Math.max(s.length - 10, 0); --i) {
    const char = s[i]
    if (!/\s/.test(char)) break
    ++stats.whitespace
    if (char === '\r' || char === '\n') ++stats.newLines
  }
  return stats
}

class Writer {
  text = ''
  trailing = { whitespace: 0, newLines: 0 }

  constructor(
    private readonly rules: Rules,
    private readonly kept: Set<Node>,
  ) {}

  append(s: string, from?: number, spaceIfRepeatingChar?: boolean) {
    if (!s && from === undefined) return
    if (from !== undefined) this.text = this.text.slice(0, from)
    this.text += (spaceIfRepeatingChar && this.text.slice(-1) === s[0] ? ' ' : '') + s
    this.trailing = trailingWhitespace(this.text)
  }

  newLines(count: number) {
    this.append('\n'.repeat(Math.max(0, count - this.trailing.newLines)))
  }

  private escape(text: string, meta?: Meta) {
    let result = meta?.preserveWhitespace ? text : text.replace(/\s+/g, ' ')
    if (meta?.noEscape) return result
    result = result.replace(GLOBAL_ESCAPE, '\\$&').replace(LINE_START_ESCAPE, '$1$3\\$2$4')
    return result.replace(/^<!DOCTYPE.*>/gim, '')
  }

  private writeText(node: TextNode, meta?: Meta) {
    if (node.isWhitespace && !meta?.preserveWhitespace) {
      if (this.text.length && this.trailing.whitespace === 0) this.append(' ')
      return
    }
    const source = meta?.preserveWhitespace ? node.text : node.text || node.trimmedText
    let written = this.escape(source, meta)
    if (!meta?.preserveWhitespace && written) {
      if (/^\n/.test(source)) written = written.replace(/^ /, '')
      if (!/\s$/.test(source)) written = written.replace(/ +$/, '')
    }
    this.append(written)
  }

  visit(node: Node, textOnly = false, meta?: Meta) {
    if (!this.kept.has(node)) return
    if (isText(node)) return this.writeText(node, meta)
    if (textOnly || !isElement(node)) return
    const tag = node.tagName ?? ''
    const ruleFor = tag ? (meta?.rules ?? this.rules)[tag] : undefined

    switch (tag) {
      case 'UL':
      case 'OL':
        meta = {
          ...meta,
          listItemNumber: 0,
          listKind: tag,
          indentLevel: (meta?.indentLevel ?? -1) + 1,
        }
        break
      case 'LI':
        if (meta?.listKind === 'OL') meta.listItemNumber = (meta.listItemNumber ?? 0) + 1
        break
      case 'PRE':
        meta = { ...meta, preserveWhitespace: true }
        break
      case 'TABLE':
        meta = { ...meta }
    }

    if (!ruleFor) {
      for (const child of node.childNodes) this.visit(child, textOnly, meta)
      return
    }
    const rule = typeof ruleFor === 'function' ? ruleFor(node, meta ?? {}) : ruleFor
    if (rule.ignore) return
    if (rule.noEscape && !meta?.noEscape) meta = { ...meta, noEscape: true }
    if (rule.childRules && rule.childRules !== meta?.rules)
      meta = { ...meta, rules: rule.childRules }

    const outerStart = this.text.length
    if (rule.surroundingNewlines) this.newLines(rule.surroundingNewlines)
    if (rule.prefix) this.append(rule.prefix)
    if (typeof rule.content === 'string')
      this.append(rule.content, undefined, rule.spaceIfRepeatingChar)
    else {
      const start = this.text.length
      for (const child of node.childNodes) this.visit(child, rule.recurse === false, meta)
      if (rule.postprocess) {
        const result = rule.postprocess(this.text.slice(start))
        if (result === REMOVE) {
          if (tag === 'LI' && meta?.listItemNumber) --meta.listItemNumber
          return this.append('', outerStart)
        }
        this.append(result, start, rule.spaceIfRepeatingChar)
      }
    }
    if (rule.postfix) this.append(rule.postfix)
    if (rule.surroundingNewlines) this.newLines(rule.surroundingNewlines)
  }
}

const PARSE_OPTIONS = {
  lowerCaseTagName: true,
  comment: false,
  fixNestedATags: true,
  blockTextElements: { script: false, noscript: false, style: false },
}

/** The Markdown for `html`; `figure` writes figures that stay HTML. */
export function writeMarkdown(html: string, figure: FigureWriter): string {
  const root = parse(html, PARSE_OPTIONS)
  const kept = new Set<Node>()
  markKept(root, kept)
  const writer = new Writer(mainRules(figure), kept)
  writer.visit(root)
  // At most one blank line in a row, none around the whole.
  let markdown = trimNewLines(writer.text.replace(/(?:\r?\n\s*)+((?:\r?\n\s*){2})/g, '$1'))
  if (markdown.endsWith(' ') && !markdown.endsWith('  ')) markdown = markdown.trimEnd()
  return markdown
}
