import type { NextFunction, Request, Response } from 'express';
import twilio from 'twilio';

/**
 * Rejects webhook requests not signed by the carrier. Twilio signs the URL it called (our public URL,
 * not the one Express sees behind a tunnel or proxy) plus the sorted POST parameters.
 */
export function requireTwilioSignature(authToken: string, publicUrl: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const signature = req.header('x-twilio-signature');
    const url = publicUrl + req.originalUrl;
    if (!signature || !twilio.validateRequest(authToken, signature, url, req.body ?? {})) {
      res.status(403).type('text/plain').send('invalid X-Twilio-Signature');
      return;
    }
    next();
  };
}
