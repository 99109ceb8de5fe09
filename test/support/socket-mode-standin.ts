import { type WebSocket, WebSocketServer } from 'ws';
import { freePort } from './free-port.js';

/** Slack's side of Socket Mode: a WebSocket that says hello, delivers envelopes and collects what the app sends back. */
export async function startSocketModeStandIn() {
  const port = await freePort();
  const server = new WebSocketServer({ port, host: '127.0.0.1' });
  const received: Record<string, unknown>[] = [];
  let socket: WebSocket | undefined;
  let connected: () => void = () => {};
  const connection = new Promise<void>((resolve) => {
    connected = resolve;
  });
  server.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: {} }));
    connected();
  });
  return {
    url: `ws://127.0.0.1:${port}/link`,
    received,
    /** Resolves once the app has connected. */
    connection,
    /** Delivers one envelope to the connected app. */
    send(envelope: Record<string, unknown>) {
      if (!socket) throw new Error('the app has not connected to the Socket Mode stand-in');
      socket.send(JSON.stringify(envelope));
    },
    /** Delivers `/contacts <text>` as Slack does over a socket, answered at `responseUrl`. */
    sendCommand(envelopeId: string, text: string, responseUrl: string) {
      this.send({
        envelope_id: envelopeId,
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          command: '/contacts',
          text,
          team_id: 'T1',
          user_id: 'UUSER',
          channel_id: 'C1',
          response_url: responseUrl,
          trigger_id: `trigger-${envelopeId}`,
          api_app_id: 'A1',
        },
      });
    },
    /** Waits until the app has acked the envelope `id`. */
    async waitForAck(id: string, timeoutMs = 10_000) {
      const started = Date.now();
      while (!received.some((message) => message.envelope_id === id)) {
        if (Date.now() - started > timeoutMs) throw new Error(`no ack for envelope ${id} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    /** Drops every connection (ws waits for them before closing the server), then closes. */
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
