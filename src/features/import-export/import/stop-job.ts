/** Where an import job's Workflow keeps what it hands from one step to the next. */
export const importTempPrefix = (jobId: string) => `imports/${jobId}/`

/**
 * What is left of a job that will not go on: its Workflow, if it still runs, is terminated and
 * its temporary files deleted. The upload is kept: a dry run's may still be imported.
 */
export async function stopImportJob(env: Pick<Env, 'IMPORT' | 'MEDIA'>, jobId: string) {
  try {
    await (await env.IMPORT.get(jobId)).terminate()
  } catch {
    // Over already, or gone: nothing to stop.
  }
  let cursor: string | undefined
  do {
    const listed = await env.MEDIA.list({ prefix: importTempPrefix(jobId), cursor })
    if (listed.objects.length) await env.MEDIA.delete(listed.objects.map((o) => o.key))
    cursor = listed.truncated ? listed.cursor : undefined
  } while (cursor)
}
