/**
 * The Jupyter messaging protocol's wire format (version 5.3): signing and (de)serialising the
 * multipart ZeroMQ frames `[...identities, "<IDS|MSG>", signature, header, parent_header,
 * metadata, content, ...buffers]`, signed with HMAC-SHA256 over the four JSON frames.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { RetargetLabError } from '../lib/core/errors';

export const DELIMITER = '<IDS|MSG>';
export const PROTOCOL_VERSION = '5.3';

export interface MessageHeader {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

export interface JupyterMessage<C = Record<string, unknown>> {
  identities: Buffer[];
  header: MessageHeader;
  parent_header: Partial<MessageHeader>;
  metadata: Record<string, unknown>;
  content: C;
  buffers: Buffer[];
}

/** Signs the four JSON frames with HMAC-SHA256; an empty key means "no signing" (empty signature). */
export function sign(key: string, frames: readonly (string | Buffer)[]): string {
  if (!key) return '';
  const hmac = createHmac('sha256', key);
  for (const f of frames) hmac.update(f);
  return hmac.digest('hex');
}

/** Builds a new message header for `msgType` in `session`. */
export function makeHeader(msgType: string, session: string): MessageHeader {
  return {
    msg_id: randomUUID(),
    msg_type: msgType,
    session,
    username: 'retarget-lab',
    date: new Date().toISOString(),
    version: PROTOCOL_VERSION,
  };
}

/** Serialises a message into signed frames ready for `socket.send`. */
export function serialize(
  key: string,
  msg: Pick<JupyterMessage, 'header' | 'parent_header' | 'metadata' | 'content'> & { identities?: Buffer[]; buffers?: Buffer[] },
): Buffer[] {
  const json = [msg.header, msg.parent_header, msg.metadata, msg.content].map((x) => Buffer.from(JSON.stringify(x)));
  return [
    ...(msg.identities ?? []),
    Buffer.from(DELIMITER),
    Buffer.from(sign(key, json)),
    ...json,
    ...(msg.buffers ?? []),
  ];
}

/** Parses and verifies received frames; throws if the signature does not match. */
export function deserialize(key: string, frames: readonly Buffer[]): JupyterMessage {
  const at = frames.findIndex((f) => f.length === DELIMITER.length && f.toString() === DELIMITER);
  if (at < 0 || frames.length < at + 6) {
    throw new RetargetLabError('kernel/wire', 'received a message without the <IDS|MSG> delimiter and five frames after it.');
  }
  const signature = frames[at + 1].toString();
  const json = frames.slice(at + 2, at + 6);
  if (key) {
    const expected = Buffer.from(sign(key, json));
    const got = Buffer.from(signature);
    if (expected.length !== got.length || !timingSafeEqual(expected, got)) {
      throw new RetargetLabError('kernel/wire', 'a message from the kernel has a bad HMAC signature; is the connection key right?');
    }
  }
  const [header, parent_header, metadata, content] = json.map((f) => JSON.parse(f.toString()));
  return { identities: frames.slice(0, at) as Buffer[], header, parent_header, metadata, content, buffers: frames.slice(at + 6) as Buffer[] };
}
