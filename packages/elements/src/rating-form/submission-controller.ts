// What fetches and drives the rating form's sending code (`submission.ts`: core's validation and scrubber, the request,
// the outbox, the messages), part of the form's first paint: the sending code loads on the first touch, click or focus,
// when the citizen sends, or when a rating waits in the outbox; `updateComplete` waits for it.
import { adoptStyles, type ReactiveController, type ReactiveControllerHost, type ReactiveElement } from 'lit';
import { secretFromAddress } from '../internal/address-secrets.js';
import { hasQueuedRatings } from './outbox-key.js';
import type { FormInternals } from './submission.js';

type Submission = typeof import('./submission.js');

/** The sending code once it has arrived (one copy for every form of the page). */
export let submission: Submission | undefined;
let submissionLoad: Promise<Submission> | undefined;

/** Fetches the sending code, once; a failed fetch (offline when it was asked for) is tried again next time. */
function loadSubmission(): Promise<Submission> {
  submissionLoad ??= import('./submission.js').then(
    (loaded) => {
      submission = loaded;
      return loaded;
    },
    (error: unknown) => {
      submissionLoad = undefined; // offline when it was asked for: the next interaction tries again
      throw error;
    },
  );
  return submissionLoad;
}

/** The form as its controller sees it: what the sending code reads and drives, and the element it is. */
export interface SubmissionHost extends FormInternals, ReactiveControllerHost, Pick<ReactiveElement, 'shadowRoot'> {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** What the form asks of its controller. */
export interface SubmissionController extends ReactiveController {
  /**
   * The form's `updateComplete`: `complete` (Lit's own) once the code being fetched and the answers being checked are
   * done too, so that the form has settled when it resolves.
   */
  settled(complete: () => Promise<boolean>): Promise<boolean>;
  /** Keeps `updateComplete` waiting for a piece of work, and updates the form once it is done. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Fetches the sending code, so that a rating is sent or kept offline (the first touch, click or focus). */
  prepare(): void;
  /**
   * Checks the answers with core and starts sending them, unless a submission is being checked already; `updateComplete`
   * waits for that part, not for the network.
   */
  submit(): void;
}

/**
 * The form's `SubmissionController`: it takes the rating token out of the address bar, and fetches the sending code
 * and hands it the form on the first touch, click or focus, when a host form finds the answers invalid, to send the
 * citizen's answers, on the `online` event and, on a visit with ratings waiting in the outbox, at once. The form's
 * `updateComplete` waits for what it fetches and checks; it adopts the styles that come with the sending code, and
 * stops the queue's next try when the form leaves the page.
 */
export function submissionController(host: SubmissionHost): SubmissionController {
  const loads = new Set<Promise<unknown>>();
  let laterStylesAdopted = false;
  /** A submission is being checked (the sending code may still be on its way). */
  let submitting = false;

  const track = <T>(work: Promise<T>): Promise<T> => {
    loads.add(work);
    const done = () => {
      loads.delete(work);
      host.requestUpdate();
    };
    work.then(done, done);
    return work;
  };

  /** Fetches the sending code (validation, scrubber, request, outbox), once; the form updates when it arrives. */
  const engine = (): Promise<Submission> => {
    if (submission) return Promise.resolve(submission);
    return track(
      loadSubmission().then((loaded) => {
        if (host.attempted) host.shown = host.coreProblems();
        return loaded;
      }),
    );
  };

  const prepare = (): void => {
    engine().catch(() => undefined);
  };

  /** The host form found the answers invalid: the problems show, and the code that checks them is fetched. */
  const onInvalid = (): void => {
    host.attempted = true;
    host.shown = host.coreProblems();
    prepare();
  };

  /** Sends what waits in the queue (this page's and earlier visits'), and settles this form's own rating. */
  const onOnline = async (): Promise<void> => {
    if (!hasQueuedRatings()) return;
    const loaded = await loadSubmission().catch(() => undefined);
    await loaded?.sendQueued(host);
  };

  const controller: SubmissionController = {
    async settled(complete) {
      let result = await complete();
      while (loads.size > 0) {
        await Promise.allSettled([...loads]);
        result = await complete();
      }
      return result;
    },
    track,
    prepare,
    submit() {
      if (submitting) return;
      submitting = true;
      void track(
        engine().then(
          (loaded) => loaded.submit(host),
          () => {
            // The sending code never arrived (offline since the page loaded): nothing was taken, so ask to try again.
            host.status = 'error';
            host.sendError = 'errorSend';
            host.emit('motcua-rating-failed', { reason: 'error' });
          },
        ),
      ).finally(() => {
        submitting = false;
      });
    },
    hostConnected() {
      if (!host.token) secretFromAddress('t'); // the rating token out of the address bar as soon as the page has it
      addEventListener('online', onOnline);
      host.addEventListener('invalid', onInvalid);
      for (const type of ['focusin', 'pointerdown']) host.addEventListener(type, prepare);
      // A rating an earlier visit could not send: show it saved (when it is this form's) and send it.
      if (hasQueuedRatings()) {
        void track(
          engine().then((loaded) => {
            loaded.retryQueued(host);
            return loaded.resumeQueued(host);
          }),
        );
      }
    },
    hostDisconnected() {
      removeEventListener('online', onOnline);
      host.removeEventListener('invalid', onInvalid);
      for (const type of ['focusin', 'pointerdown']) host.removeEventListener(type, prepare);
      clearTimeout(host.queueTimer);
      host.queueTimer = undefined;
    },
    /** The styles of free text and of the after-sending panel come with the code that draws them. */
    hostUpdate() {
      const root = host.shadowRoot;
      if (submission && !laterStylesAdopted && root) {
        laterStylesAdopted = true;
        const own = (host.constructor as typeof ReactiveElement).elementStyles;
        adoptStyles(root, [...own, submission.laterStyles]);
      }
    },
  };
  host.addController(controller);
  return controller;
}
