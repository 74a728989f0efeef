import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  checkTarget,
  systemResolver,
  type AddressPolicy,
  type ResolvedAddress,
  type Resolver,
} from './address-guard';

/**
 * The one reason recorded and shown for a delivery that got no HTTP answer: a refused address,
 * a name that does not resolve, a closed port, a filtered one, a reset, a TLS failure and a
 * timeout all read the same, so the reasons cannot be used to map what lies behind Brug. The
 * real cause travels in `cause`, for the operators' log only.
 */
export const COULD_NOT_CONNECT = 'could not connect to the webhook';

export class WebhookUnreachable extends Error {
  constructor(cause: unknown) {
    super(COULD_NOT_CONNECT, { cause });
    this.name = 'WebhookUnreachable';
  }
}

/**
 * A lookup that answers only the addresses checked before the request, and does not ask DNS
 * again: a name cannot resolve to a public address for the check and to an internal one for
 * the connection. (For an IP literal Node calls no lookup; it connects to the literal, which is
 * the address that was checked.)
 */
function checkedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const family = typeof options.family === 'number' ? options.family : 0;
    const list = addresses.filter((a) => family === 0 || a.family === family);
    if (list.length === 0) {
      const error = Object.assign(new Error(`no checked address for ${hostname}`), {
        code: 'ENOTFOUND',
      });
      return callback(error, '', 0);
    }
    if (options.all) {
      return (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, list);
    }
    callback(null, list[0]!.address, list[0]!.family);
  };
}

export interface WebhookResponse {
  status: number;
  body: string;
}

export interface PostOptions {
  timeoutMs?: number;
  resolve?: Resolver;
}

/**
 * POSTs a JSON body with headers, bounded in time, answers status and (the start of) the body.
 * The URL is checked against the policy here, at every delivery, for names and literals alike
 * (a webhook registered before a rule changed, or written into the table directly, is held to
 * the rule of today). Anything but an HTTP answer rejects with `WebhookUnreachable`.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: AddressPolicy,
  { timeoutMs = 10_000, resolve = systemResolver }: PostOptions = {},
): Promise<WebhookResponse> {
  const target = await checkTarget(url, policy, resolve);
  if (!target.ok) throw new WebhookUnreachable(new Error(`address refused: ${target.problem}`));
  const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolvePromise, reject) => {
    const fail = (error: unknown) => reject(new WebhookUnreachable(error));
    const req = request(
      target.url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body).toString(),
          'User-Agent': 'Brug-Webhooks/1',
          ...headers,
        },
        lookup: checkedLookup(target.addresses),
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < 2000) text += chunk;
        });
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: text }));
        res.on('error', fail);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', fail);
    req.end(body);
  });
}
