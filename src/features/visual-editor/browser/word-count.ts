/** Words as a reader counts them: runs of letters or digits, "l’hôtel" and "check-in" as one. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'\-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** Minutes at 230 words a minute, at least one for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230))
}
