// The portal's single bridge to DingTalk's JSAPI. Blazor reaches it only through
// Portal.Web/Infrastructure/Bridge/DingTalkBridge.cs; keep the two in step.
import core from 'dingtalk-jsapi/core';
import 'dingtalk-jsapi/platform';
import { requestAuthCode$ as legacyRequestAuthCode } from 'dingtalk-jsapi/api/runtime/permission/requestAuthCode';
import { requestAuthCode$ as unionRequestAuthCode } from 'dingtalk-jsapi/api/union/requestAuthCode';
import { setTitle$ } from 'dingtalk-jsapi/api/biz/navigation/setTitle';
import { toast$ } from 'dingtalk-jsapi/api/device/notification/toast';
import { openLink$ } from 'dingtalk-jsapi/api/biz/util/openLink';

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

export async function requestAuthCode(corpId, clientId) {
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

function describe(error) {
  if (!error) return '';
  if (typeof error === 'string') return error;
  return error.errorMessage || error.message || JSON.stringify(error);
}
