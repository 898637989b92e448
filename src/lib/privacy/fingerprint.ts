// Fingerprints of personal numbers (docs/domain.md §12.3): what a finding prints, and what a
// reviewed exception names, instead of the number. An ID number has little entropy (about 10^10
// plausible values; with the masked form's visible digits, 10^5), so a plain hash could be
// reversed by trying them all: the fingerprint is an HMAC-SHA-256 keyed by site.yaml's
// `privacy_key` (a secret that lives with the content), or, when that is not set, by the
// organisation code (public: a stopgap the guard warns about once it has something to print).
import { createHash, createHmac } from 'node:crypto';
import type { PersonalKind } from './numbers.ts';

/** Hex characters of a fingerprint: 48 bits, unique enough within one document. */
export const FINGERPRINT_LENGTH = 12;

export interface PrivacyKey {
  /** The HMAC key. */
  secret: string;
  /** Whether it is site.yaml's privacy_key (else derived from the organisation code). */
  own: boolean;
  /** A short, non-reversible id of the key, for cache file names. */
  id: string;
}

/** The key of a column: site.yaml `privacy_key`, else derived from `organisation.code`. */
export function privacyKey(
  settings: { privacyKey?: string; organisation?: { code?: string } } | undefined,
): PrivacyKey {
  const own = !!settings?.privacyKey;
  const secret = own ? settings!.privacyKey! : `gongkai-privacy:${settings?.organisation?.code ?? ''}`;
  return { secret, own, id: createHash('sha256').update(secret).digest('hex').slice(0, 8) };
}

/** The fingerprint of a number of a kind (digits as the scanner normalised them: no spaces, X upper-case). */
export function fingerprint(key: PrivacyKey, kind: PersonalKind, digits: string): string {
  return createHmac('sha256', key.secret).update(`${kind}:${digits}`).digest('hex').slice(0, FINGERPRINT_LENGTH);
}
