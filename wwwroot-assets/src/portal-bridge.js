// The portal's single bridge to DingTalk's JSAPI. Blazor reaches it only through
// Portal.Web/Infrastructure/Bridge/DingTalkBridge.cs; keep the two in step.
import core from 'dingtalk-jsapi/core';
import 'dingtalk-jsapi/platform';
import { requestAuthCode$ as legacyRequestAuthCode } from 'dingtalk-jsapi/api/runtime/permission/requestAuthCode';
import { requestAuthCode$ as unionRequestAuthCode } from 'dingtalk-jsapi/api/union/requestAuthCode';
import { setTitle$ } from 'dingtalk-jsapi/api/biz/navigation/setTitle';
import { toast$ } from 'dingtalk-jsapi/api/device/notification/toast';
import { openLink$ } from 'dingtalk-jsapi/api/biz/util/openLink';
import { create$ as createDing$ } from 'dingtalk-jsapi/api/biz/ding/create';

const dingTalkAgent = /DingTalk/i;

export function isInDingTalk() {
  if (dingTalkAgent.test(navigator.userAgent)) return true;
  try {
    return typeof window.name === 'string' && window.name.startsWith('{') && 'containerId' in JSON.parse(window.name);
  } catch {
    return false;
  }
}

export function environment() {
  const env = core.env || {};
  return {
    inDingTalk: isInDingTalk(),
    platform: env.platform || 'notInDingTalk',
    version: env.version || '',
  };
}

// Thrown when DingTalk's client never answered: a browser that only calls itself DingTalk has no
// native bridge, and dingtalk-jsapi then waits for one forever.
export class NoBridgeAnswer extends Error {}

export async function requestAuthCode(corpId, clientId, timeoutMs = 10000) {
  let timer;
  const silence = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new NoBridgeAnswer('DingTalk did not answer requestAuthCode')), timeoutMs);
  });
  try {
    return await Promise.race([askForAuthCode(corpId, clientId), silence]);
  } finally {
    clearTimeout(timer);
  }
}

async function askForAuthCode(corpId, clientId) {
  const attempts = [
    () => unionRequestAuthCode({ corpId, clientId }),
    () => legacyRequestAuthCode({ corpId }),
  ];
  let lastError;
  for (const attempt of attempts) {
    try {
      const result = await attempt();
      if (result && (result.code || result.authCode)) return result.code || result.authCode;
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(describe(lastError) || 'requestAuthCode failed');
}

export async function setTitle(title) {
  document.title = title;
  if (isInDingTalk()) await setTitle$({ title }).catch(() => undefined);
}

export async function toast(text, success) {
  if (!isInDingTalk()) return false;
  await toast$({ icon: success ? 'success' : 'error', text, duration: 2 });
  return true;
}

export async function openLink(url) {
  if (isInDingTalk()) {
    await openLink$({ url });
  } else {
    window.open(url, '_blank', 'noopener');
  }
}

// dd.config once per page: the server signs this page's URL (without its fragment) for the JSAPIs
// that need permission. DingTalk checks the signature before those calls go through.
let configured;
function configure(jsApiList) {
  configured ??= (async () => {
    const url = location.href.split('#')[0];
    const reply = await fetch('api/dingtalk/jsapi-config?url=' + encodeURIComponent(url), { credentials: 'same-origin' });
    if (!reply.ok) throw new Error('jsapi-config answered ' + reply.status);
    const signed = await reply.json();
    core.config({
      agentId: signed.agentId,
      corpId: signed.corpId,
      timeStamp: signed.timeStamp,
      nonceStr: signed.nonceStr,
      signature: signed.signature,
      type: 0,
      jsApiList,
    });
    // Registered after config: before it, ready() would not wait for the permission check.
    await new Promise((resolve, reject) => {
      core.ready(resolve);
      core.error(reject);
    });
  })();
  configured.catch(() => {
    configured = undefined;
  });
  return configured;
}

// Opens DingTalk's DING composer (biz.ding.create) prefilled; the sender still reviews and sends it.
export async function createDing(draft) {
  if (!isInDingTalk()) return { inDingTalk: false, created: false };
  try {
    await configure(['biz.ding.create']);
    const result = await createDing$({
      users: draft.userIds,
      corpId: draft.corpId,
      type: 2,
      alertType: 2,
      bizType: 0,
      text: draft.text,
      attachment: { title: draft.title, url: draft.url, image: draft.image || '', text: draft.summary || '' },
    });
    return { inDingTalk: true, created: !!(result && result.dingCreateResult) };
  } catch (error) {
    throw new Error(describe(error) || 'biz.ding.create failed');
  }
}

function describe(error) {
  if (!error) return '';
  if (typeof error === 'string') return error;
  return error.errorMessage || error.message || JSON.stringify(error);
}
