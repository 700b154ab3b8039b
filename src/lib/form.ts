/** A parsed form body, as Hono's `parseBody()` returns it. */
export type FormBody = Record<string, string | File | (string | File)[]>

/** A text field's value, or '' when it is missing, repeated or not text. */
export function formText(body: FormBody, name: string): string {
  const value = body[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : ''
}
