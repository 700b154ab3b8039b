import type { Language } from '../db/schema'

const FRENCH = new Set(
  'le la les des du un une et est dans pour pas que qui sur avec au aux ce cette sont leur leurs nous vous mais ou plus par été être fait très'.split(
    ' ',
  ),
)
const ENGLISH = new Set(
  'the and is are of to in for that with on this was be not it by at from have has you your we our but or they their'.split(
    ' ',
  ),
)

/** French or English, from the common short words of a text; English when it cannot tell. */
export function guessLanguage(text: string): Language {
  let french = 0
  let english = 0
  for (const word of text.toLowerCase().split(/[^a-zà-ÿœæ]+/)) {
    if (FRENCH.has(word)) french++
    else if (ENGLISH.has(word)) english++
  }
  french += (text.match(/[àâçéèêëîïôûùüÿœ]/gi)?.length ?? 0) / 8
  return french > english ? 'fr' : 'en'
}
