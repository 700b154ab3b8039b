import type { WorkflowStep } from 'cloudflare:workers'
import type { Db } from '../../../db/client'
import { isImportJobRunning, markImportStepDone, noteImportStepError } from './job-recovery'

export const errorMessage = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error)

/**
 * `step.do` for one import job. A job cancelled (or retried as a new job) stops at its next step;
 * each failed attempt leaves its error on the job while the step is retried, so the admin shows
 * why an import is not moving; each step done is progress, which tells a stuck job from a slow
 * one.
 */
export function jobStep(step: WorkflowStep, db: Db, jobId: string) {
  const run = <T extends Rpc.Serializable<T>>(name: string, body: () => Promise<T>): Promise<T> =>
    step.do(name, async () => {
      if (!(await isImportJobRunning(db, jobId))) {
        // Loaded here, in the Workflow: the command line loads this feature in Node, where
        // `cloudflare:workflows` does not exist.
        const { NonRetryableError } = await import('cloudflare:workflows')
        throw new NonRetryableError('the import was cancelled')
      }
      let result: T
      try {
        result = await body()
      } catch (error) {
        // The step's own error is the one to retry on, even if D1 refuses the note.
        await noteImportStepError(db, jobId, `${name}: ${errorMessage(error)}`).catch(() => {})
        throw error
      }
      await markImportStepDone(db, jobId)
      return result
    })
  return { do: run }
}

export type JobStep = ReturnType<typeof jobStep>
