import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a certificate's link proves: this registration was checked in at this session's door. */
export interface CertificateSubject {
  registrationId: string;
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `{id}.{signature}`: 32 bytes (two uuids) and a 128-bit HMAC-SHA256, both base64url. */
const PROOF = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{22})$/;

const bytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const uuid = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const signature = (key: Buffer, id: Buffer) => createHmac('sha256', key).update(id).digest().subarray(0, 16);

/** The certificate's public proof, as its verify link carries it: `{id}.{signature}`. */
export function signCertificate(key: Buffer, subject: CertificateSubject): string {
  if (!UUID.test(subject.registrationId) || !UUID.test(subject.sessionId)) throw new Error('a certificate names a registration and a session by their uuids');
  const id = Buffer.concat([bytes(subject.registrationId), bytes(subject.sessionId)]);
  return `${id.toString('base64url')}.${signature(key, id).toString('base64url')}`;
}

/** What a proof names when its signature is ours; null for anything forged, altered or malformed. */
export function readCertificateProof(key: Buffer, proof: string): CertificateSubject | null {
  const match = PROOF.exec(proof);
  if (!match) return null;
  const id = Buffer.from(match[1], 'base64url');
  const given = Buffer.from(match[2], 'base64url');
  // A base64url text that does not round-trip (loose trailing bits) is an altered one.
  if (id.length !== 32 || given.length !== 16 || id.toString('base64url') !== match[1] || given.toString('base64url') !== match[2]) return null;
  if (!timingSafeEqual(given, signature(key, id))) return null;
  return { registrationId: uuid(id.subarray(0, 16)), sessionId: uuid(id.subarray(16)) };
}
