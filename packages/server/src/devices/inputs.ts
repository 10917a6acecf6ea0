import { DEVICE_KINDS, isPairingClaim } from '@motcua/core/staff';
import * as z from 'zod';

// What the devices API accepts.

/** A device's claim, when it asks to be paired (with what it says it is) and when it collects its credential. */
export const claimBody = z
  .object({
    claim: z.string().refine(isPairingClaim, 'at least 43 base64url characters (32 random bytes)'),
    kind: z.enum(DEVICE_KINDS as unknown as readonly ['kiosk', 'counter', 'board']).optional(),
  })
  .strict();

/** An admin's approval: the device's name, what it may do, and for a counter tablet its counter. */
export const approvalBody = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine((name) => !/\p{Cc}/u.test(name), 'no control characters'),
    kind: z.enum(DEVICE_KINDS as unknown as readonly ['kiosk', 'counter', 'board']),
    counter: z.string().min(1).max(100).optional(),
  })
  .strict();
