// Starts Blazor and keeps a phone's page alive across a backgrounded DingTalk webview:
// reconnect quietly, retry when the page is visible or online again, reload once the circuit is gone.
(function () {
  const modal = document.getElementById('components-reconnect-modal');
  let reloading = false;

  function reload() {
    if (reloading) return;
    reloading = true;
    location.reload();
  }

  async function retry() {
    try {
      const resumed = await Blazor.reconnect();
      if (!resumed) reload();
    } catch {
      reload();
    }
  }

  function isFailed() {
    return modal && modal.classList.contains('components-reconnect-failed');
  }

  if (modal) {
    new MutationObserver(() => {
      if (modal.classList.contains('components-reconnect-rejected')) reload();
    }).observe(modal, { attributes: true, attributeFilter: ['class'] });

    const button = modal.querySelector('[data-reconnect-retry]');
    if (button) button.addEventListener('click', retry);

    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && isFailed()) retry();
    });
    window.addEventListener('online', () => {
      if (isFailed()) retry();
    });
  }

  Blazor.start({
    circuit: {
      reconnectionOptions: {
        maxRetries: 40,
        // Quick first tries for a brief network blip, then a steady pace that stays cheap on a phone.
        retryIntervalMilliseconds: (attempt) => (attempt <= 3 ? 500 : Math.min(5000, attempt * 1000)),
      },
    },
  }).then(() => document.documentElement.setAttribute('data-blazor-started', ''));
})();
