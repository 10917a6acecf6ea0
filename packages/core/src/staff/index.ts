/**
 * Staff and devices on the wire: what the server answers about paired devices (and, with sign-in, sessions, users
 * and the audit trail), with readers that refuse malformed answers.
 *
 * @module staff
 */
export {
  DEVICE_KINDS,
  type DeviceKind,
  type DeviceView,
  isPairingClaim,
  normalizePairingCode,
  PAIRING_CLAIM_MIN_LENGTH,
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  type PairingApproval,
  type PairingClaim,
  type PairingCollected,
  type PairingStart,
  type PendingPairing,
  readDeviceView,
  readPairingCollected,
  readPairingStart,
  readPendingPairing,
} from './devices.js';
