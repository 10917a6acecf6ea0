import type { PairingApproval } from '@motcua/core/staff';

/** Detail of `motcua-pairing-decided`: the pairing code an admin decided, and the approval when it was approved. */
export interface PairingDecidedDetail {
  readonly code: string;
  readonly approved: boolean;
  readonly approval?: PairingApproval;
}

/** Detail of `motcua-device-revoked`: the device an admin revoked. */
export interface DeviceRevokedDetail {
  readonly id: string;
  readonly name: string;
}

declare global {
  interface HTMLElementEventMap {
    'motcua-pairing-decided': CustomEvent<PairingDecidedDetail>;
    'motcua-device-revoked': CustomEvent<DeviceRevokedDetail>;
  }
}
