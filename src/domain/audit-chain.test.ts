import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHash, auditHashPrefix, canonicalJson, GENESIS_HASH, verifyChain, type AuditPayload } from './audit-chain.js';

type Event = AuditPayload & { prevHash: string; hash: string };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function payload(seq: number, overrides: Partial<AuditPayload> = {}): AuditPayload {
  return {
    chainKey: 'org-1',
    seq,
    orgId: 'org-1',
    actorId: 'user-1',
    actorName: '张主席',
    at: new Date(Date.UTC(2025, 0, 1, 8, 0, seq)).toISOString(),
    action: 'member.update',
    entityType: 'member',
    entityId: `member-${seq}`,
    entityLabel: `会员${seq}`,
    changes: { phone: { from: '138****0001', to: '139****0002' }, tags: { from: ['劳模'], to: ['劳模', '女职工'] } },
    ...overrides,
  };
}

/** A chain built the way the writer builds it. */
function buildChain(n: number, chainKey = 'org-1'): Event[] {
  const events: Event[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const p = payload(seq, { chainKey, orgId: chainKey });
    const hash = auditHash(prev, p);
    events.push({ ...p, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

/** What the database gives back: JSON stored and read again, with object keys in another order. */
function roundTrip(events: Event[]): Event[] {
  const shuffle = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(shuffle);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, shuffle(x)]));
    return v;
  };
  return JSON.parse(JSON.stringify(events.map(shuffle))) as Event[];
}

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('sorts keys at every depth, inside arrays too', () => {
    const a = { z: { y: [{ d: 1, c: 2 }, { b: [3, { f: 4, e: 5 }] }], x: null }, a: '张' };
    const b = { a: '张', z: { x: null, y: [{ c: 2, d: 1 }, { b: [3, { e: 5, f: 4 }] }] } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":"张","z":{"x":null,"y":[{"c":2,"d":1},{"b":[3,{"e":5,"f":4}]}]}}');
  });

  it('keeps array order: [1,2] and [2,1] differ', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ tags: ['劳模', '女职工'] })).not.toBe(canonicalJson({ tags: ['女职工', '劳模'] }));
  });

  it('tells apart values that only look alike', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    expect(canonicalJson({ a: { b: 1 } })).not.toBe(canonicalJson({ 'a.b': 1 }));
    expect(canonicalJson(['a,b'])).not.toBe(canonicalJson(['a', 'b']));
  });

  it('is valid JSON that reads back to the same value', () => {
    const value = { name: '张"三\\', n: -1.5, ok: true, none: null, list: [1, 'x', { k: [] }], nested: { '': 0 } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('drops undefined properties and writes undefined in arrays as null, as JSON storage does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson([1, undefined])).toBe('[1,null]');
    expect(canonicalJson(undefined)).toBe('null');
    const value = { a: undefined, b: [undefined, { c: undefined, d: 2 }] };
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
  });

  it('writes a Date as its ISO string, as JSON storage does, so two dates never hash alike', () => {
    const at = new Date(Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(canonicalJson({ at })).toBe(canonicalJson({ at: at.toISOString() }));
    expect(canonicalJson({ at })).not.toBe(canonicalJson({ at: new Date(Date.UTC(2026, 0, 1)) }));
  });

  it('gives the same text after a JSON round trip that reorders keys', () => {
    const value = payload(3);
    const [stored] = roundTrip([{ ...value, prevHash: '', hash: '' }]);
    const { prevHash: _p, hash: _h, ...back } = stored;
    expect(Object.keys(back)).not.toEqual(Object.keys(value));
    expect(canonicalJson(back)).toBe(canonicalJson(value));
  });
});

describe('auditHash', () => {
  it('is sha256 of the previous hash followed by the canonical JSON, in hex', () => {
    const p = payload(1);
    expect(auditHash(GENESIS_HASH, p)).toBe(sha256(GENESIS_HASH + canonicalJson(p)));
    expect(auditHash(GENESIS_HASH, p)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the previous hash and with any field', () => {
    const p = payload(1);
    const h = auditHash(GENESIS_HASH, p);
    expect(auditHash('f'.repeat(64), p)).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...p, actorName: '李委员' })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...p, changes: { phone: { from: '138****0001', to: '139****0003' } } })).not.toBe(h);
  });

  it('does not depend on the order of the payload keys', () => {
    const p = payload(1);
    const reversed = Object.fromEntries(Object.entries(p).reverse()) as unknown as AuditPayload;
    expect(auditHash(GENESIS_HASH, reversed)).toBe(auditHash(GENESIS_HASH, p));
  });
});

describe('auditHashPrefix', () => {
  it('is the canonical JSON up to the number, so the hash can be finished where the number is known', () => {
    for (const seq of [1, 9, 10, 12345]) {
      const { seq: _s, ...rest } = payload(seq);
      const prefix = auditHashPrefix(rest);
      expect(prefix.endsWith(',"seq":')).toBe(true);
      expect(sha256('f'.repeat(64) + prefix + String(seq) + '}')).toBe(auditHash('f'.repeat(64), payload(seq)));
    }
  });

  it('keeps Chinese text and nested changes as the whole JSON does', () => {
    const p = { ...payload(3), entityLabel: '“张三”\n', changes: { 状态: { from: '候补', to: '正式' }, 名单: ['甲', { 乙: null }] } };
    const { seq: _s, ...rest } = p;
    expect(sha256(GENESIS_HASH + auditHashPrefix(rest) + '3}')).toBe(auditHash(GENESIS_HASH, p));
  });
});

describe('GENESIS_HASH', () => {
  it('is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });
});

describe('verifyChain', () => {
  it('accepts a correct chain, an empty one, and one read back from JSON storage', () => {
    expect(verifyChain(buildChain(10))).toBeNull();
    expect(verifyChain([])).toBeNull();
    expect(verifyChain(buildChain(1))).toBeNull();
    expect(verifyChain(roundTrip(buildChain(10)))).toBeNull();
  });

  it('starts the chain from the genesis hash', () => {
    const chain = buildChain(3);
    expect(chain[0].prevHash).toBe(GENESIS_HASH);
    expect(chain[0].hash).toBe(auditHash(GENESIS_HASH, payload(1)));
  });

  it.each([
    ['actorName', (e: Event) => ({ ...e, actorName: '别人' })],
    ['action', (e: Event) => ({ ...e, action: 'member.delete' })],
    ['at', (e: Event) => ({ ...e, at: '2030-01-01T00:00:00.000Z' })],
    ['entityLabel', (e: Event) => ({ ...e, entityLabel: '王五' })],
    ['orgId', (e: Event) => ({ ...e, orgId: 'org-2' })],
    ['actorId', (e: Event) => ({ ...e, actorId: null })],
    ['a nested change', (e: Event) => ({ ...e, changes: { phone: { from: '138****0001', to: '137****0002' }, tags: { from: ['劳模'], to: ['劳模', '女职工'] } } })],
    ['array order in a change', (e: Event) => ({ ...e, changes: { phone: { from: '138****0001', to: '139****0002' }, tags: { from: ['劳模'], to: ['女职工', '劳模'] } } })],
    ['the stored hash', (e: Event) => ({ ...e, hash: 'a'.repeat(64) })],
  ])('reports "hash" at the event whose %s was altered', (_field, alter) => {
    for (const at of [0, 4, 9]) {
      const chain = buildChain(10);
      chain[at] = alter(chain[at]);
      expect(verifyChain(chain)).toEqual({ chainKey: 'org-1', seq: at + 1, problem: 'hash' });
    }
  });

  it('reports "link" at the event whose prevHash was altered', () => {
    for (const at of [0, 5, 9]) {
      const chain = buildChain(10);
      chain[at] = { ...chain[at], prevHash: 'b'.repeat(64) };
      expect(verifyChain(chain)).toEqual({ chainKey: 'org-1', seq: at + 1, problem: 'link' });
    }
  });

  it('reports "link" when a rewritten event is re-hashed but the next still points at the old one', () => {
    const chain = buildChain(6);
    const forged = payload(3, { actorName: '伪造者' });
    chain[2] = { ...forged, prevHash: chain[2].prevHash, hash: auditHash(chain[2].prevHash, forged) };
    expect(verifyChain(chain)).toEqual({ chainKey: 'org-1', seq: 4, problem: 'link' });
  });

  it('reports "gap" when an event is removed from the middle or the start', () => {
    const chain = buildChain(8);
    expect(verifyChain([...chain.slice(0, 3), ...chain.slice(4)])).toEqual({ chainKey: 'org-1', seq: 5, problem: 'gap' });
    expect(verifyChain(chain.slice(1))).toEqual({ chainKey: 'org-1', seq: 2, problem: 'gap' });
  });

  it('reports "gap" when seq skips or repeats, even if the hashes were recomputed', () => {
    const skip: Event[] = [];
    let prev = GENESIS_HASH;
    for (const seq of [1, 2, 4]) {
      const p = payload(seq);
      const hash = auditHash(prev, p);
      skip.push({ ...p, prevHash: prev, hash });
      prev = hash;
    }
    expect(verifyChain(skip)).toEqual({ chainKey: 'org-1', seq: 4, problem: 'gap' });
    const chain = buildChain(4);
    expect(verifyChain([chain[0], chain[1], chain[1], chain[2]])).toEqual({ chainKey: 'org-1', seq: 2, problem: 'gap' });
  });

  it('reports "gap" when two events are swapped', () => {
    const chain = buildChain(5);
    expect(verifyChain([chain[0], chain[2], chain[1], chain[3], chain[4]])).toEqual({ chainKey: 'org-1', seq: 3, problem: 'gap' });
  });

  it('reports the first break only, with the chain key', () => {
    const chain = buildChain(10, 'platform');
    chain[3] = { ...chain[3], actorName: 'x' };
    chain[7] = { ...chain[7], prevHash: 'c'.repeat(64) };
    expect(verifyChain(chain)).toEqual({ chainKey: 'platform', seq: 4, problem: 'hash' });
  });
});
