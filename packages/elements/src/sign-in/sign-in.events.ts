import type { SessionView } from '@motcua/core/staff';

/** Detail of `motcua-signed-in`: the session, as `POST` or `GET /api/session` answered it. */
export interface SignedInDetail {
  readonly session: SessionView;
}

/** Detail of `motcua-signed-out`: the session that ended, if the element knew it. */
export interface SignedOutDetail {
  readonly session: SessionView | undefined;
}

declare global {
  interface HTMLElementEventMap {
    'motcua-signed-in': CustomEvent<SignedInDetail>;
    'motcua-signed-out': CustomEvent<SignedOutDetail>;
  }
}
