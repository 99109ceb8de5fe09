import type { TellodyClient } from '../tellody/client.js';
import type { NumbersSource } from './numbers-fetcher.js';

/**
 * A Tellody client as the report's chart source; the account id keeps each account's cache apart.
 * The client may be given as a function: it is then found only when a chart is not kept already.
 */
export function tellodySource(
  client: TellodyClient | (() => TellodyClient),
  account: { baseUrl: string; username: string },
): NumbersSource {
  const clientNow = typeof client === 'function' ? client : () => client;
  return {
    accountId: `${account.baseUrl}|${account.username}`,
    contactChart: (request, options) => clientNow().contactChart(request, options),
  };
}
