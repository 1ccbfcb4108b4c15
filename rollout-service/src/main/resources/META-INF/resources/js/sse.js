// Server-Sent Events over fetch + ReadableStream instead of EventSource, because EventSource cannot send the
// Authorization header. Doing it ourselves also lets us send Last-Event-ID on every reconnect, so the server
// replays what we missed while the connection was down.
export class EventStream {
  constructor({ url, token, onEvent, onState, minDelay = 500, maxDelay = 15000 }) {
    Object.assign(this, { url, token, onEvent, onState, minDelay, maxDelay });
    this.lastEventId = null;
    this.delay = minDelay;
    this.stopped = false;
    this.controller = null;
  }

  start() {
    this.stopped = false;
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    this.controller?.abort();
    clearTimeout(this.timer);
    this.onState?.('off');
  }

  async connect() {
    if (this.stopped) return;
    this.onState?.(this.lastEventId === null && this.delay === this.minDelay ? 'connecting' : 'reconnecting');
    this.controller = new AbortController();
    const headers = { Accept: 'text/event-stream', Authorization: 'Bearer ' + this.token };
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    try {
      const r = await fetch(this.url, { headers, signal: this.controller.signal, cache: 'no-store' });
      if (r.status === 401 || r.status === 403) {
        this.onState?.('error', `event stream refused: ${r.status}`);
        return; // retrying cannot help with a bad token
      }
      if (!r.ok || !r.body) throw new Error('HTTP ' + r.status);
      this.delay = this.minDelay;
      this.onState?.('open');
      await this.read(r.body.getReader());
      throw new Error('stream ended');
    } catch (e) {
      if (this.stopped) return;
      this.onState?.('reconnecting', e.message);
      // Exponential backoff with jitter, so a restarted server is not hit by every tab at once.
      const wait = this.delay * (0.75 + Math.random() * 0.5);
      this.delay = Math.min(this.delay * 2, this.maxDelay);
      this.timer = setTimeout(() => this.connect(), wait);
    }
  }

  async read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      // Events are separated by a blank line; accept \n, \r\n and \r line ends as the SSE spec does.
      buffer = buffer.replace(/\r\n?/g, '\n');
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        this.dispatch(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
      }
    }
  }

  dispatch(block) {
    let data = [], id = null, type = 'message';
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else if (field === 'event') type = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.minDelay = Number(value);
    }
    if (id !== null) this.lastEventId = id;
    if (!data.length) return;
    let payload;
    try { payload = JSON.parse(data.join('\n')); } catch { return; }
    // Servers that omit the id: line still carry the event id in the record itself.
    if (id === null && payload && payload.eventId) this.lastEventId = payload.eventId;
    this.onEvent?.(payload, { id, type });
  }
}
