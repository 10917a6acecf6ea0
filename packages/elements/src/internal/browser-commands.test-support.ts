// Test support: Web Test Runner's browser commands from inside a test page, through the runner's web socket.

/** A Web Test Runner browser command (`send-keys`, or the config's `emulate-forced-colors`), through its socket. */
export async function browserCommand(command: string, payload: unknown): Promise<void> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  const socket = '/__web-dev-server__web-socket.js';
  const { sendMessageWaitForResponse } = (await import(/* @vite-ignore */ socket)) as {
    sendMessageWaitForResponse(message: unknown): Promise<{ executed: boolean }>;
  };
  const response = await sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command, payload });
  if (!response.executed) throw new Error(`${command} is not available`);
}

/**
 * The next `times` requests whose URL contains `match` get a 503 from the test server, and the page stops using the
 * browser's cache (web-test-runner.config.mjs). `failRequests('', 0)` clears every rule.
 */
export function failRequests(match: string, times: number): Promise<void> {
  return browserCommand('fail-requests', { match, times });
}

/** Real key presses through the test runner's browser (Web Test Runner's built-in send-keys command). */
export function sendKeys(payload: { press: string } | { type: string }): Promise<void> {
  return browserCommand('send-keys', payload);
}

/** The page origin's notification permission, as if the user had answered the prompt (`default`: not asked). */
export function setNotifications(value: 'granted' | 'denied' | 'default'): Promise<void> {
  return browserCommand('notifications', { value });
}

/** A push message (`data`, a string) to the service worker of `scope`, as a push service delivers it. */
export function deliverPush(scope: string, data: string): Promise<void> {
  return browserCommand('deliver-push', { scope, data });
}
