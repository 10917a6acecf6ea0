import type { BoardSnapshot } from '@motcua/core/queue';
import { expect } from '@open-wc/testing';
import { BoardStream } from './board-stream.js';
import { FakeEventSource, latestEventSource } from './event-source.test-support.js';

const snapshot: BoardSnapshot = {
  businessDate: '2026-12-07',
  version: 3,
  counters: [{ id: 'q1', label: '1', ticket: null }],
  recent: [],
};

const pageTransition = (type: 'pagehide' | 'pageshow') =>
  dispatchEvent(new PageTransitionEvent(type, { persisted: true }));

describe('BoardStream and the back/forward cache', () => {
  const realEventSource = globalThis.EventSource;
  let snapshots: BoardSnapshot[] = [];
  let lost = 0;
  let stream: BoardStream;
  const url = new URL('/api/queue/events', location.href);

  beforeEach(() => {
    FakeEventSource.instances = [];
    globalThis.EventSource = FakeEventSource as unknown as typeof EventSource;
    snapshots = [];
    lost = 0;
    stream = new BoardStream({
      onSnapshot: (board) => snapshots.push(board),
      onDelta: () => undefined,
      onLost: () => lost++,
      retry: () => [1000, 30_000],
    });
  });
  afterEach(() => {
    stream.close();
    globalThis.EventSource = realEventSource;
  });

  it('lets go of its connection when the page is hidden, and reads a fresh snapshot when it is shown again', () => {
    stream.open(url);
    const first = latestEventSource();
    pageTransition('pagehide');
    expect(first.closed, 'the hidden page holds no connection').to.equal(true);
    expect(lost, 'hiding is not an outage').to.equal(0);
    pageTransition('pageshow');
    const second = latestEventSource();
    expect(second).not.to.equal(first);
    expect(second.url).to.equal(url.href);
    second.send('snapshot', snapshot);
    expect(snapshots).to.deep.equal([snapshot]);
    // Only once: a second pageshow (the page shown again later) opens nothing more.
    pageTransition('pageshow');
    expect(FakeEventSource.instances).to.have.length(2);
  });

  it('stays closed when the page comes back after its element closed it', () => {
    stream.open(url);
    pageTransition('pagehide');
    stream.close();
    pageTransition('pageshow');
    expect(FakeEventSource.instances).to.have.length(1);
  });

  it('keeps no page listener once closed: hiding a page after close() closes nothing and opens nothing', () => {
    stream.open(url);
    const source = latestEventSource();
    stream.close();
    pageTransition('pagehide');
    pageTransition('pageshow');
    expect(source.closed).to.equal(true);
    expect(FakeEventSource.instances).to.have.length(1);
  });
});
