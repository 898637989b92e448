// Text-size and high-contrast switches (PrefsSwitch.astro). src/scripts/prefs.js has already applied
// the stored choice before first paint; this module wires the buttons, keeps aria-pressed in
// step, stores the choice, and follows changes made in another tab.
const SIZE_KEY = 'gongkai-text-size';
const CONTRAST_KEY = 'gongkai-contrast';
const SIZES = ['m', 'l', 'xl'] as const;
type Size = (typeof SIZES)[number];

const root = document.documentElement;

function currentSize(): Size {
  return root.classList.contains('fs-xl') ? 'xl' : root.classList.contains('fs-l') ? 'l' : 'm';
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage blocked (private mode, policy): the choice lasts for this page only
  }
}

function sync(): void {
  const size = currentSize();
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-text-size]')) {
    b.setAttribute('aria-pressed', String(b.dataset.textSize === size));
  }
  const high = root.classList.contains('hc');
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-contrast]')) {
    b.setAttribute('aria-pressed', String(high));
  }
}

function setSize(size: Size): void {
  root.classList.remove('fs-l', 'fs-xl');
  if (size !== 'm') root.classList.add(`fs-${size}`);
  sync();
}

function setContrast(high: boolean): void {
  root.classList.toggle('hc', high);
  sync();
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('button') : null;
  if (!target) return;
  const size = target.dataset.textSize as Size | undefined;
  if (size && (SIZES as readonly string[]).includes(size)) {
    setSize(size);
    store(SIZE_KEY, size);
  } else if (target.hasAttribute('data-contrast')) {
    const high = !root.classList.contains('hc');
    setContrast(high);
    store(CONTRAST_KEY, high ? 'high' : 'normal');
  }
});

window.addEventListener('storage', (event) => {
  if (event.key === SIZE_KEY) {
    const v = event.newValue;
    setSize(v === 'l' || v === 'xl' ? v : 'm');
  } else if (event.key === CONTRAST_KEY) {
    setContrast(event.newValue === 'high');
  }
});

sync();
