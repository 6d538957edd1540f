// Starts Blazor and keeps a phone's page alive across a backgrounded DingTalk webview:
// reconnect quietly, retry when the page is visible or online again, reload once the circuit is gone.
(function () {
  const modal = document.getElementById('components-reconnect-modal');
  const states = ['components-reconnect-show', 'components-reconnect-failed', 'components-reconnect-rejected'];
  let reloading = false;
  let retrying = false;

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

  // While the server is unreachable the failed banner stays; once it answers, resume the circuit
  // or, when the server no longer knows it, reload the page.
  async function retry() {
    if (retrying || reloading) return;
    retrying = true;
    try {
      if (!(await serverReachable())) return;
      let resumed = false;
      try {
        resumed = await Blazor.reconnect();
      } catch {
        resumed = false;
      }
      if (!resumed) reload();
    } finally {
      retrying = false;
    }
  }

  const isFailed = () => modal.classList.contains('components-reconnect-failed');
  const isHandled = () => states.some((state) => modal.classList.contains(state));
  const isInteractive = () => document.documentElement.hasAttribute('data-interactive');

  function showFailed() {
    if (reloading || isHandled()) return;
    modal.classList.remove('components-reconnect-hide');
    modal.classList.add('components-reconnect-failed');
  }

  // The v9 client script can lose a connection that drops while the circuit is still starting, and
  // then tells nobody. Show the failed banner ourselves so the retries below take over.
  function watchConnection(connection) {
    connection.onclose(() => setTimeout(showFailed, 3000));
  }
  setTimeout(() => {
    if (!isInteractive()) showFailed();
  }, 15000);

  window.portal = {
    // Called by MainLayout after its first interactive render: the circuit is live.
    markInteractive() {
      document.documentElement.setAttribute('data-interactive', '');
    },
  };

  new MutationObserver(() => {
    if (modal.classList.contains('components-reconnect-rejected')) reload();
  }).observe(modal, { attributes: true, attributeFilter: ['class'] });

  modal.querySelector('[data-reconnect-retry]').addEventListener('click', retry);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && isFailed()) retry();
  });
  window.addEventListener('online', () => {
    if (isFailed()) retry();
  });
  setInterval(() => {
    if (document.visibilityState === 'visible' && isFailed()) retry();
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
      configureSignalR: (builder) => {
        const build = builder.build.bind(builder);
        builder.build = () => {
          const connection = build();
          watchConnection(connection);
          return connection;
        };
      },
      reconnectionOptions: {
        dialogId: 'components-reconnect-modal',
        maxRetries: 40,
        // Quick first tries for a brief network blip, then a steady pace that stays cheap on a phone.
        retryIntervalMilliseconds: (attempt) => (attempt <= 3 ? 500 : Math.min(5000, attempt * 1000)),
      },
    },
  }).then(() => document.documentElement.setAttribute('data-blazor-started', ''));
})();
