const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u

/**
 * `dir` for a title: "auto" when it holds right-to-left script, so an Arabic or Hebrew title
 * reads from the right inside an English or French page; nothing otherwise.
 */
export function titleDirection(text: string): 'auto' | undefined {
  return RIGHT_TO_LEFT.test(text) ? 'auto' : undefined
}
