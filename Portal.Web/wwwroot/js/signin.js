// 免登 inside DingTalk: ask the client for a one-time code and exchange it for the session cookie.
// It runs once on arrival; after a failure it waits for the reader's "try again" (no redirect loops).
import { requestAuthCode, NoBridgeAnswer } from './portal-bridge.js';

const root = document.getElementById('dingtalk-signin');

async function signIn() {
  const returnUrl = root.dataset.returnUrl || '/';
  let reason;
  let code;
  try {
    code = await requestAuthCode(root.dataset.corpId, root.dataset.clientId, Number(root.dataset.bridgeTimeoutMs) || undefined);
  } catch (error) {
    // Either no DingTalk client answered at all (the page is not inside DingTalk), or it answered
    // without a code: neither is DingTalk being down.
    reason = error instanceof NoBridgeAnswer ? 'not-in-dingtalk' : 'bridge-refused';
  }
  if (code) {
    reason = 'dingtalk-unreachable';
    try {
      const reply = await fetch('auth/dingtalk/code', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
        credentials: 'same-origin',
      });
      if (reply.ok) {
        location.replace(returnUrl);
        return;
      }
      const problem = await reply.json().catch(() => ({}));
      reason = problem.code || reason;
    } catch {
      // The portal did not answer the exchange: explain, and offer a retry.
    }
  }
  location.replace(`signin?failed=${encodeURIComponent(reason)}&returnUrl=${encodeURIComponent(returnUrl)}`);
}

if (root) {
  root.querySelector('[data-signin-retry]')?.addEventListener('click', signIn);
  if (root.dataset.auto === 'true') signIn();
}
