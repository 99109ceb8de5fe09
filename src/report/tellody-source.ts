import type { TellodyClient } from '../tellody/client.js';
import type { ChartSource } from './chart-fetcher.js';

/** A Tellody client as the report's chart source; the account id keeps each account's cache apart. */
export function tellodySource(client: TellodyClient, account: { baseUrl: string; username: string }): ChartSource {
  return {
    accountId: `${account.baseUrl}|${account.username}`,
    contactChart: (request, options) => client.contactChart(request, options),
  };
}
