import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts the second-factor secrets kept in the database (AES-256-GCM, a fresh 96-bit IV each
 * time), so a copy of the database or a backup alone does not give anyone the codes (ADR 35).
 * The key is `MFA_ENCRYPTION_KEY`, or else derived from `JWT_SECRET` with HKDF for this one
 * purpose. Sealed text: `v1.<iv>.<tag>.<ciphertext>`, each part base64url; the user id is the
 * additional data, so a sealed secret copied to another user's row does not open.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(keyMaterial: string) {
    this.key = Buffer.from(
      hkdfSync('sha256', keyMaterial, 'brug', 'brug second-factor secrets v1', 32),
    );
  }

  seal(plain: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data].map(encode).join('.');
  }

  /** The plain text, or null when it was sealed with another key, for another id, or changed. */
  open(sealed: string, boundTo: string): string | null {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]);
      return plain.toString('utf8');
    } catch {
      return null;
    }
  }
}

const encode = (part: string | Buffer): string =>
  typeof part === 'string' ? part : part.toString('base64url');
