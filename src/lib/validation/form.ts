import { sValidator } from '@hono/standard-validator'
import { HTTPException } from 'hono/http-exception'
import * as v from 'valibot'

/** A text field as typed: missing, repeated (first kept) or a file reads as ''. */
export const typedText = v.pipe(
  v.optional(v.unknown(), ''),
  v.transform((value): string => {
    const first = Array.isArray(value) ? value[0] : value
    return typeof first === 'string' ? first : ''
  }),
)

/** Every text value of a repeatable field (`name` or `name[]`), in order. */
export const typedList = v.pipe(
  v.optional(v.unknown(), () => []),
  v.transform((value): string[] =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
      (item): item is string => typeof item === 'string',
    ),
  ),
)

/** Hono's form body keeps `name[]` as its own key; the schemas read `name`. */
function withoutBrackets(form: Record<string, unknown>) {
  const out: Record<string, unknown> = Object.create(null)
  for (const [key, value] of Object.entries(form)) {
    const name = key.endsWith('[]') ? key.slice(0, -2) : key
    out[name] = name in out ? [out[name], value].flat() : value
  }
  return out
}

/**
 * Every input goes through Hono's standard validator with a valibot schema: forms, queries,
 * route parameters and JSON alike. These are its three shapes in this blog.
 */

/**
 * The form as typed, through a schema that never rejects (every field falls back to ''): the
 * checks that can fail come after, so a rejected form can always be sent back as it was.
 */
export const typedForm = <S extends v.GenericSchema>(schema: S) =>
  sValidator(
    'form',
    v.pipe(
      v.record(v.string(), v.unknown()),
      v.transform(withoutBrackets),
      schema as v.GenericSchema<Record<string, unknown>, v.InferOutput<S>>,
    ),
  )

/** Query parameters through a schema whose fields fall back to defaults: a bad query never fails. */
export const lenientQuery = <S extends v.GenericSchema>(schema: S) =>
  sValidator('query', schema as v.GenericSchema<Record<string, unknown>, v.InferOutput<S>>)

/** A route's parameters: an address whose parameters the schema refuses is no page (404). */
export const validParams = <S extends v.GenericSchema>(schema: S) =>
  sValidator(
    'param',
    schema as v.GenericSchema<Record<string, string>, v.InferOutput<S>>,
    (result) => {
      if (!result.success) throw new HTTPException(404)
    },
  )

/** A numeric id in an address: digits only, a positive safe integer. */
export const idParam = v.pipe(
  v.string(),
  v.regex(/^[1-9][0-9]{0,15}$/),
  v.transform(Number),
  v.safeInteger(),
)

/** `{ id }` of `/…/:id` addresses. */
export const idParams = validParams(v.object({ id: idParam }))

/** A slug in an address; anything longer than any slug is no page. */
export const slugParam = v.pipe(v.string(), v.maxLength(400))

/** `{ slug }` of `/…/:slug` addresses. */
export const slugParams = validParams(v.object({ slug: slugParam }))

/** `{ field: first message }` from valibot issues, for messages by each field. */
export function fieldErrors<K extends string>(issues: v.BaseIssue<unknown>[]) {
  const errors: Partial<Record<K, string>> = {}
  for (const issue of issues) {
    const key = v.getDotPath(issue) as K | null
    if (key && !errors[key]) errors[key] = issue.message
  }
  return errors
}

/** A string whose UTF-8 length is at most `max` bytes. */
export const maxBytes = (max: number, message: string) =>
  v.check((text: string) => new TextEncoder().encode(text).byteLength <= max, message)
