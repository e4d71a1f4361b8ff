// A TLS certificate for the local voice engine. The official OpenAI client always dials wss://, so the
// engine must serve TLS; clients trust this cert through `ca` or NODE_EXTRA_CA_CERTS=certPath.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface CertificateFiles {
  key: string;
  cert: string;
  certPath: string;
}

const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

function readUsable(keyPath: string, certPath: string): CertificateFiles | null {
  if (!existsSync(keyPath) || !existsSync(certPath)) return null;
  const cert = readFileSync(certPath, 'utf8');
  const expires = Date.parse(new X509Certificate(cert).validTo);
  if (expires - Date.now() < RENEW_BEFORE_MS) return null;
  return { key: readFileSync(keyPath, 'utf8'), cert, certPath };
}

// Written to a temporary name first so a process starting concurrently never reads half a file.
function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, path);
}

/**
 * Creates (once, then reuses from `dir`) a certificate for localhost and 127.0.0.1.
 * Async because selfsigned 5 generates keys with WebCrypto.
 */
export async function selfSignedCert(dir: string): Promise<CertificateFiles> {
  const keyPath = join(dir, 'voice-engine.key.pem');
  const certPath = join(dir, 'voice-engine.cert.pem');
  const cached = readUsable(keyPath, certPath);
  if (cached) return cached;

  mkdirSync(dir, { recursive: true });
  const notBeforeDate = new Date(Date.now() - 60_000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  writeAtomically(keyPath, pems.private);
  writeAtomically(certPath, pems.cert);
  return { key: pems.private, cert: pems.cert, certPath };
}
