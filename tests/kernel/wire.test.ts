import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DELIMITER, deserialize, makeHeader, serialize, sign } from '../../kernel/wire';

describe('kernel/wire', () => {
  const key = 'a3f1c0ffee';
  const msg = { header: makeHeader('execute_request', 'session-1'), parent_header: {}, metadata: {}, content: { code: '1+1' } };

  it('signs the four JSON frames with HMAC-SHA256 as the Jupyter spec says', () => {
    const frames = ['{"a":1}', '{}', '{}', '{"code":"x"}'];
    const expected = createHmac('sha256', key).update(frames.join('')).digest('hex');
    expect(sign(key, frames)).toBe(expected);
    expect(sign('', frames)).toBe('');
  });

  it('serialises to identities, delimiter, signature, 4 JSON frames and round-trips', () => {
    const frames = serialize(key, { ...msg, identities: [Buffer.from('id1')] });
    expect(frames[0].toString()).toBe('id1');
    expect(frames[1].toString()).toBe(DELIMITER);
    expect(frames[2].toString()).toBe(sign(key, frames.slice(3, 7)));
    const back = deserialize(key, frames);
    expect(back.header.msg_type).toBe('execute_request');
    expect(back.content).toEqual({ code: '1+1' });
    expect(back.identities.map(String)).toEqual(['id1']);
    expect(back.header.version).toBe('5.3');
  });

  it('rejects a tampered message and a message without the delimiter', () => {
    const frames = serialize(key, msg);
    frames[frames.length - 1] = Buffer.from('{"code":"rm -rf"}');
    expect(() => deserialize(key, frames)).toThrow(/retarget-lab\/kernel\/wire: .*bad HMAC signature/);
    expect(() => deserialize('other-key', serialize(key, msg))).toThrow(/bad HMAC signature/);
    expect(() => deserialize(key, [Buffer.from('x')])).toThrow(/without the <IDS\|MSG> delimiter/);
  });
});
