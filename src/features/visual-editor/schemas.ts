import * as v from 'valibot'

/** A pasted fragment: Word's HTML is verbose, but anything past this is not one paste. */
export const PASTE_MAX_CHARS = 500_000

export const pasteForm = v.object({
  html: v.pipe(v.string(), v.maxLength(PASTE_MAX_CHARS)),
})
