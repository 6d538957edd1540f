// Development + Simulator only: plays the DingTalk client's native side for pages opened "as" a
// simulated person (cookie dingtalk-sim-user, set by the simulated phone or a test). The real
// dingtalk-jsapi bundle runs unchanged and calls into this exactly as it calls into DingTalk on Android.
(function () {
  if (!/DingTalk/i.test(navigator.userAgent) || typeof window.nuva === 'object') return;

  const cookie = (name) => document.cookie.split('; ').find((c) => c.startsWith(name + '='))?.slice(name.length + 1);

  async function requestAuthCode() {
    const userId = decodeURIComponent(cookie('dingtalk-sim-user') || '');
    if (!userId) throw { errorCode: '7', errorMessage: 'no simulated DingTalk user on this device' };
    const reply = await fetch('_dingtalk/_control/authcodes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    if (!reply.ok) throw { errorCode: '3', errorMessage: 'the simulator refused: ' + reply.status };
    return { code: (await reply.json()).code };
  }

  const actions = {
    requestAuthCode,
    requestAuthCodeV2: requestAuthCode,
    setTitle: async () => ({}),
    toast: async () => ({}),
    openLink: async (params) => {
      window.open(params.url, '_blank', 'noopener');
      return {};
    },
  };

  window.nuva = {
    isReady: true,
    require: () => (success, fail, service, action, params) => {
      const handler = actions[action];
      if (!handler) {
        fail({ errorCode: '1', errorMessage: `${service}.${action} is not simulated` });
        return;
      }
      handler(params || {}).then(success, fail);
    },
  };
})();
