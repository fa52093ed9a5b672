// tslab sends every iopub message without awaiting the previous send; zeromq 6 rejects a send
// while one is in progress ("Socket is busy writing"), and tslab ignores the rejection. A cell
// printing thousands of lines then loses most of its output and even the final `idle` status.
// This queues each socket's sends so they go out in order, one at a time, and lifts the iopub
// socket's send high-water mark (default 1000 messages, beyond which a PUB socket drops messages
// while the cell's synchronous loop keeps the event loop busy).
function serializeSends(zmq) {
  const Publisher = zmq.Publisher;
  if (Publisher && !Publisher.retargetLabUnbounded) {
    class UnboundedPublisher extends Publisher {
      constructor(options) { super({ sendHighWaterMark: 0, ...options }); }
    }
    UnboundedPublisher.retargetLabUnbounded = true;
    zmq.Publisher = UnboundedPublisher;
  }
  const patched = new Set();
  for (const Cls of [zmq.Publisher, zmq.Router, zmq.Dealer]) {
    let proto = Cls && Cls.prototype;
    while (proto && !Object.prototype.hasOwnProperty.call(proto, 'send')) proto = Object.getPrototypeOf(proto);
    if (!proto || patched.has(proto)) continue;
    patched.add(proto);
    const send = proto.send;
    const queues = new WeakMap();
    proto.send = function queuedSend(message) {
      const next = (queues.get(this) || Promise.resolve()).then(() => send.call(this, message));
      queues.set(this, next.catch(() => { /* reported to the caller */ }));
      return next;
    };
  }
}
module.exports = { serializeSends };
