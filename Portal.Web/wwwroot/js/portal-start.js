// Starts Blazor and keeps a phone's page alive across a backgrounded DingTalk webview:
// reconnect quietly, retry when the page is visible or online again, pause the circuit while the
// webview stays in the background (the server keeps only its persisted state), resume it when the
// reader comes back, and reload once the circuit is gone.
(function () {
  const modal = document.getElementById('components-reconnect-modal');
  let reloading = false;
  let busy = false;
  let state = 'hide';
  let pauseTimer = null;
  let pausing = Promise.resolve();

  function reload() {
    if (reloading) return;
    reloading = true;
    location.reload();
  }

  async function serverReachable() {
    try {
      return (await fetch('healthz', { cache: 'no-store' })).ok;
    } catch {
      return false;
    }
  }

  // One recovery at a time: Blazor's own step first, and the page reloads when the server knows
  // neither the circuit nor its persisted state.
  async function recover(step) {
    if (busy || reloading) return;
    busy = true;
    try {
      if (!(await serverReachable())) return;
      let recovered = false;
      try {
        recovered = await step();
      } catch {
        recovered = false;
      }
      if (!recovered) reload();
    } finally {
      busy = false;
    }
  }

  // A server that lost the live circuit may still hold its persisted state.
  const retry = () => recover(async () => (await Blazor.reconnect()) || Blazor.resumeCircuit());
  // A reader back before the pause has finished waits for it: resuming a half-paused circuit fails.
  const resume = () => recover(async () => {
    await pausing.catch(() => {});
    return Blazor.resumeCircuit();
  });
  const isInteractive = () => document.documentElement.hasAttribute('data-interactive');

  // A connection that drops while the circuit is still starting may never report a state; show the
  // failed banner ourselves so the retries below take over.
  setTimeout(() => {
    if (!isInteractive() && state === 'hide' && !reloading) {
      modal.classList.remove('components-reconnect-hide');
      modal.classList.add('components-reconnect-failed');
      state = 'failed';
    }
  }, 15000);

  window.portal = {
    // A phone switched away for a moment keeps its live circuit; one left in the background pauses.
    pauseAfterHiddenMs: 120000,
    // Called by MainLayout after its first interactive render: the circuit is live.
    markInteractive() {
      document.documentElement.setAttribute('data-interactive', '');
    },
  };

  modal.addEventListener('components-reconnect-state-changed', (event) => {
    state = event.detail.state;
    if (state === 'rejected' || state === 'resume-failed') reload();
  });

  function comeBack() {
    if (state === 'failed') retry();
    else if (state === 'paused') resume();
  }

  modal.querySelector('[data-reconnect-retry]').addEventListener('click', retry);
  modal.querySelector('[data-reconnect-resume]').addEventListener('click', resume);
  document.addEventListener('visibilitychange', () => {
    clearTimeout(pauseTimer);
    if (document.visibilityState === 'visible') {
      comeBack();
    } else if (isInteractive()) {
      pauseTimer = setTimeout(() => {
        if (document.visibilityState === 'hidden' && state === 'hide') pausing = Blazor.pauseCircuit();
      }, window.portal.pauseAfterHiddenMs);
    }
  });
  window.addEventListener('online', comeBack);
  setInterval(() => {
    if (document.visibilityState === 'visible' && state === 'failed') retry();
  }, 5000);

  // Copying a field is the browser's own work (the Content-Security-Policy allows no inline handlers):
  // a button with data-copy-from="<input id>" copies that input and shows its data-copied text.
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-copy-from]');
    const field = button && document.getElementById(button.dataset.copyFrom);
    if (!field) return;
    field.select();
    const done = () => { button.textContent = button.dataset.copied; };
    (navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.reject()).then(done, () => {
      document.execCommand('copy');
      done();
    });
  });
  document.addEventListener('focusin', (event) => {
    if (event.target.matches && event.target.matches('[data-select-on-focus]')) event.target.select();
  });

  Blazor.start({
    circuit: {
      reconnectionOptions: {
        dialogId: 'components-reconnect-modal',
        maxRetries: 40,
        // Quick first tries for a brief network blip, then a steady pace that stays cheap on a phone.
        retryIntervalMilliseconds: (attempt) => (attempt <= 3 ? 500 : Math.min(5000, attempt * 1000)),
      },
    },
  }).then(() => document.documentElement.setAttribute('data-blazor-started', ''));
})();
