import { randomBytes, randomUUID } from 'node:crypto';
import { readCertificateProof, signCertificate } from './certificate-proof';

describe('certificate proofs', () => {
  const key = randomBytes(32);
  const subject = { registrationId: randomUUID(), sessionId: randomUUID() };

  it('reads back what it signed, in a link-safe text', () => {
    const proof = signCertificate(key, subject);
    expect(proof).toMatch(/^[\w-]{43}\.[\w-]{22}$/);
    expect(readCertificateProof(key, proof)).toEqual(subject);
  });

  it('refuses a proof signed with another key', () => {
    expect(readCertificateProof(randomBytes(32), signCertificate(key, subject))).toBeNull();
  });

  it('refuses a proof whose id names someone else, with the signature left as it was', () => {
    const [, sig] = signCertificate(key, subject).split('.');
    const [otherId] = signCertificate(key, { ...subject, registrationId: randomUUID() }).split('.');
    expect(readCertificateProof(key, `${otherId}.${sig}`)).toBeNull();
  });

  it('refuses any altered character, and malformed text', () => {
    const proof = signCertificate(key, subject);
    for (const i of [0, 20, 42, 44, 60, 65]) {
      const altered = proof.slice(0, i) + (proof[i] === 'A' ? 'B' : 'A') + proof.slice(i + 1);
      expect(readCertificateProof(key, altered)).toBeNull();
    }
    for (const bad of ['', proof + 'A', proof.replace('.', ''), '../../etc/passwd', `${'A'.repeat(43)}.${'A'.repeat(22)}`]) {
      expect(readCertificateProof(key, bad)).toBeNull();
    }
  });
});
