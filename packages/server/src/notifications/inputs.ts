import * as z from 'zod';
import { pushSubscriptionBody } from '../dossiers/inputs.js';

// What the notifications API accepts.

/** A push service address, checked as a subscription's `endpoint` is. */
const endpoint = pushSubscriptionBody.shape.endpoint;

/**
 * A browser's renewed Web Push subscription, sent by its service worker on `pushsubscriptionchange`: the endpoint it
 * had (`oldEndpoint`), and the new subscription's endpoint and keys, checked as a subscription's are.
 */
export const pushRenewalBody = z
  .object({ oldEndpoint: endpoint, endpoint, keys: pushSubscriptionBody.shape.keys })
  .strict();

/**
 * The zod schemas of the notifications API's inputs, which `openapi.yaml` describes (a test keeps the two in step).
 *
 * @example
 * ```ts
 * NOTIFICATION_INPUTS.pushRenewal.safeParse({ oldEndpoint: 'https://push.example/a' }).success; // false
 * ```
 */
export const NOTIFICATION_INPUTS = { pushRenewal: pushRenewalBody } as const;
