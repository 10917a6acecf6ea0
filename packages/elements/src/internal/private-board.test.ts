import { expect } from '@open-wc/testing';
import { readEventStream } from './private-board.js';

/** A body that arrives in these chunks. */
const body = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

describe('readEventStream', () => {
  it('reads events cut anywhere, in LF or CRLF, without comments, with multi-line data', async () => {
    const seen: [string, string][] = [];
    await readEventStream(
      body(
        ': hello\n\nevent: snap',
        'shot\r\ndata: {"a":',
        '1}\r\n\r\ndata: one\ndata: two\n\nevent: x\n\n',
        'data: Đà Lạt\n\n',
      ),
      (type, data) => seen.push([type, data]),
    );
    expect(seen).to.deep.equal([
      ['snapshot', '{"a":1}'],
      ['message', 'one\ntwo'],
      ['message', 'Đà Lạt'],
    ]);
  });

  it('decodes a character split between two chunks', async () => {
    const bytes = new TextEncoder().encode('data: ạ\n\n');
    const seen: string[] = [];
    await readEventStream(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, 7));
          controller.enqueue(bytes.slice(7));
          controller.close();
        },
      }),
      (_type, data) => seen.push(data),
    );
    expect(seen).to.deep.equal(['ạ']);
  });
});
