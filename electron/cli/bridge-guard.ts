/**
 * Who may talk to `brief serve`, before the token is even looked at.
 *
 * DNS rebinding: a page at http://attacker.example:PORT whose name is re-pointed at 127.0.0.1
 * reaches the bridge from the victim's browser as a same-origin page, but its requests still say
 * `Host: attacker.example:PORT`. So every request must name the bridge's own address and port.
 * Cross-site requests: a browser always sends `Origin` on a WebSocket handshake and on a POST
 * (`/rpc`, the API's writes); when one is sent it must be the bridge's own. A request without
 * `Origin` does not come from a web page's script (curl, scripts, an external worker with the
 * service token, a plain navigation) and is judged by its token.
 */
import type { IncomingMessage } from 'node:http';
import { BriefError } from '../../shared/errors.ts';

export interface BridgeAddress {
  /** `127.0.0.1:PORT`: the only Host header the bridge answers. */
  host: string;
  /** `http://127.0.0.1:PORT`: the only Origin it accepts when one is sent. */
  origin: string;
}

export function bridgeAddress(port: number): BridgeAddress {
  const host = `127.0.0.1:${port}`;
  return { host, origin: `http://${host}` };
}

/** Null when the request may go on; otherwise the refusal to answer with 403. */
export function refuseForeignRequest(request: IncomingMessage, own: BridgeAddress): BriefError | null {
  const host = request.headers.host?.toLowerCase();
  if (host !== own.host)
    return new BriefError(
      'AUTH_REQUIRED',
      `This is 360Brief's local service, and it answers only at ${own.origin}/ (the request named ${host === undefined ? 'no host' : `"${host.slice(0, 100)}"`}). Open the address \`brief serve\` printed.`,
    );
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== own.origin)
    return new BriefError(
      'AUTH_REQUIRED',
      `Requests from pages other than ${own.origin}/ are refused (this one came from "${origin.slice(0, 100)}"). Open the dashboard at the address \`brief serve\` printed.`,
    );
  return null;
}
