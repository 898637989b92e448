// Print buttons (PrintButton.astro): any button[data-print] opens the browser's print dialog.
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  b.addEventListener('click', () => window.print());
}
