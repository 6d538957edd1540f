// Loads Radzen's script once, for the body editor only; every other page does without it.
let loading = null;

export function load(src) {
  if (window.Radzen) return Promise.resolve();
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => {
      loading = null;
      reject(new Error(`could not load ${src}`));
    };
    document.head.appendChild(script);
  });
  return loading;
}
