// Unit tests of the dashboard's fetch-based SSE client (run by DashboardScriptsTest with `node --test`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStream } from '../../main/resources/META-INF/resources/js/sse.js';

function body(chunks) {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) { chunks.forEach(x => c.enqueue(enc.encode(x))); c.close(); },
  });
}

test('parses events split across chunks, with CRLF line ends, comments and multi-line data', async () => {
  const got = [];
  const s = new EventStream({ url: 'x', token: 't', onEvent: (e, meta) => got.push([e, meta.id]) });
  await s.read(body([': keep-alive\r\n\r\nid: 7\r\nevent: status\r\ndata: {"a":', '1}\r\n\r\nid: 8\ndata: {"b":\ndata: 2}\n\n']).getReader());
  assert.deepEqual(got, [[{ a: 1 }, '7'], [{ b: 2 }, '8']]);
  assert.equal(s.lastEventId, '8');
});

test('falls back to the eventId in the record when the server sends no id line', async () => {
  const s = new EventStream({ url: 'x', token: 't', onEvent: () => {} });
  await s.read(body(['data: {"eventId":"ev-3"}\n\n']).getReader());
  assert.equal(s.lastEventId, 'ev-3');
});

test('reconnects after a drop with the bearer token and Last-Event-ID, and reports its state', async () => {
  const calls = [];
  const states = [];
  const responses = [
    () => ({ ok: true, status: 200, body: body(['id: ev-1\ndata: {"n":1}\n\n']) }), // then the stream ends
    () => { throw new TypeError('connection refused'); },                           // server restarting
    () => ({ ok: true, status: 200, body: new ReadableStream({ start() {} }) }),    // stays open
  ];
  globalThis.fetch = async (url, init) => { calls.push(init.headers); return responses[calls.length - 1](); };
  const events = [];
  const s = new EventStream({ url: '/v1/events', token: 'secret', minDelay: 5, maxDelay: 20,
    onEvent: e => events.push(e), onState: st => states.push(st) }).start();
  for (let i = 0; i < 100 && calls.length < 3; i++) await new Promise(r => setTimeout(r, 10));
  s.stop();
  assert.equal(calls.length, 3);
  assert.equal(calls[0].Authorization, 'Bearer secret');
  assert.equal(calls[0]['Last-Event-ID'], undefined);
  assert.equal(calls[1]['Last-Event-ID'], 'ev-1');
  assert.equal(calls[2]['Last-Event-ID'], 'ev-1');
  assert.deepEqual(events, [{ n: 1 }]);
  assert.ok(states.includes('open') && states.includes('reconnecting'), states.join(','));
});

test('does not retry when the token is refused', async () => {
  let n = 0;
  globalThis.fetch = async () => { n++; return { ok: false, status: 401 }; };
  const states = [];
  const s = new EventStream({ url: 'x', token: 'bad', minDelay: 1, onState: st => states.push(st) }).start();
  await new Promise(r => setTimeout(r, 50));
  s.stop();
  assert.equal(n, 1);
  assert.ok(states.includes('error'));
});
