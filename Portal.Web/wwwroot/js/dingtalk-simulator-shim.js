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

  // dd.config: the JSAPIs this page asked for. DingTalk refuses a permission-bound JSAPI the page did
  // not configure; the simulator does the same, so a missing dd.config fails here as it would there.
  const permitted = new Set();
  async function requestJsApis(params) {
    if (!params.signature || !params.corpId || !params.nonceStr || !params.timeStamp) {
      throw { errorCode: '52013', errorMessage: 'dd.config is missing signature, corpId, nonceStr or timeStamp' };
    }
    (params.jsApiList || []).forEach((name) => permitted.add(name));
    return {};
  }

  // The DING composer: the simulated person sends it at once, and the simulator delivers it to the
  // receivers' simulated phones as DingTalk would.
  async function createDing(params) {
    if (!permitted.has('biz.ding.create') && !permitted.has('createDing')) {
      throw { errorCode: '3', errorMessage: 'biz.ding.create needs dd.config first' };
    }
    const senderUserId = decodeURIComponent(cookie('dingtalk-sim-user') || '');
    const reply = await fetch('_dingtalk/_control/dings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        senderUserId,
        users: params.users || [],
        text: params.text || '',
        alertType: params.alertType,
        attachment: params.attachment || null,
      }),
    });
    if (!reply.ok) throw { errorCode: '3', errorMessage: 'the simulator refused: ' + reply.status };
    return { dingCreateResult: true };
  }

  const actions = {
    requestAuthCode,
    requestJsApis,
    'biz.ding.create': createDing,
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
      const handler = actions[`${service}.${action}`] || actions[action];
      if (!handler) {
        fail({ errorCode: '1', errorMessage: `${service}.${action} is not simulated` });
        return;
      }
      handler(params || {}).then(success, fail);
    },
  };
})();
