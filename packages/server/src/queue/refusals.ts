import { QueueRefusedError } from '@motcua/core/queue';
import { MotcuaError } from '@motcua/core/text';
import { ApiError } from '../http/errors.js';

/**
 * Core's problems that are not bad input: a conflict with the ticket's state, a missing ticket, or a command still
 * being applied (503, so that the Idempotency-Key is not answered with it for good and a retry runs it).
 */
const CONFLICTS: Record<string, 404 | 409 | 503> = {
  'illegal-transition': 409,
  'counter-paused': 409,
  'counter-does-not-serve': 409,
  'not-today': 409,
  'command-in-progress': 503,
  contention: 503,
  'unknown-ticket': 404,
  'invalid-ticket-id': 404,
};

/** Runs a queue call, answering core's refusals ("hết giờ lấy số", daily cap, …) as 409 with their message. */
export async function refusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueueRefusedError) {
      const text = error.problems[0]?.message ?? { vi: 'Không lấy được số', en: 'No ticket was issued' };
      throw new ApiError(409, error.reason, text);
    }
    const first = error instanceof MotcuaError ? error.problems[0] : undefined;
    if (first && error instanceof MotcuaError && error.problems.length === 1 && first.code in CONFLICTS) {
      throw new ApiError(CONFLICTS[first.code] as 404 | 409 | 503, first.code, first.message);
    }
    throw error;
  }
}
