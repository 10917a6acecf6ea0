/** Detail of `motcua-dashboard-load`: the period and filter whose figures are now shown. */
export interface DashboardLoadDetail {
  /** First day of the period, `YYYY-MM-DD` (Vietnam). */
  readonly from: string;
  /** Last day of the period, included. */
  readonly to: string;
  /** The queue service filtered on; empty for all. */
  readonly service: string;
}

declare global {
  interface HTMLElementEventMap {
    'motcua-dashboard-load': CustomEvent<DashboardLoadDetail>;
  }
}
