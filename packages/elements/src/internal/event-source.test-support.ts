/** An EventSource a test drives: what the server would send, and a way to cut the connection. */
export class FakeEventSource extends EventTarget {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  closed = false;
  constructor(url: string | URL) {
    super();
    this.url = String(url);
    FakeEventSource.instances.push(this);
  }
  send(type: 'snapshot' | 'ticket', data: unknown): void {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  fail(): void {
    this.dispatchEvent(new Event('error'));
  }
  close(): void {
    this.closed = true;
  }
}

/** The EventSource opened last. */
export const latestEventSource = (): FakeEventSource => FakeEventSource.instances.at(-1) as FakeEventSource;
